using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace DanVan.IntegrationTests.Support;

/// <summary>
/// Every answer of the API that the suites receive is checked against the published OpenAPI document: the status is
/// documented for the operation, and a JSON body matches the documented schema. Whatever does not is recorded and fails
/// the run when the app is disposed, unless it is one of the known gaps listed in contract-gaps.txt (each line removed
/// is a gap closed; set DANVAN_CONTRACT_REPORT to a file to list what a run met).
/// </summary>
public sealed class ContractCheck(Func<Task<string>> loadDocument)
{
    private readonly ConcurrentDictionary<string, int> _violations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, JsonSchema?> _schemas = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _loading = new(1, 1);
    private List<(string Method, string Template, Regex Pattern, JsonObject Operation)>? _operations;
    private JsonObject? _defs;
    private int _checked;

    public static IReadOnlySet<string> KnownGaps { get; } = File.Exists(Path.Combine(AppContext.BaseDirectory, "contract-gaps.txt"))
        ? File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "contract-gaps.txt")).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToHashSet(StringComparer.Ordinal)
        : new HashSet<string>(StringComparer.Ordinal);

    public int Checked => _checked;

    public IReadOnlyDictionary<string, int> Violations => _violations;

    /// <summary>The violations outside the known gaps ("METHOD /template STATUS" at the start of the line).</summary>
    public IReadOnlyList<string> Unexpected => [.. _violations.Keys.Where(v => !KnownGaps.Contains(Key(v))).Order(StringComparer.Ordinal)];

    public static string Key(string violation) => string.Join(' ', violation.Split(' ').Take(3)).TrimEnd(':');

    public sealed class StartupFilter(ContractCheck check) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(check.InvokeAsync);
            next(app);
        };
    }

    private async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (!context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            await next(context);
            return;
        }

        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        buffer.Position = 0;
        if (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away (a browser leaving a page): no answer reached anyone, so there is none to check.
            return;
        }

        var text = buffer.Length > 0 && (context.Response.ContentType ?? string.Empty).Contains("json", StringComparison.Ordinal) && buffer.Length < 20_000_000
            ? new StreamReader(buffer).ReadToEnd() : null;
        await CheckAsync(context.Request.Method, context.Request.Path.Value!, context.Response.StatusCode, context.Response.ContentType, text);
        buffer.Position = 0;
        await buffer.CopyToAsync(original);
    }

    private async Task CheckAsync(string method, string path, int status, string? contentType, string? body)
    {
        await LoadAsync();
        Interlocked.Increment(ref _checked);
        var op = _operations!.Where(o => string.Equals(o.Method, method, StringComparison.OrdinalIgnoreCase) && o.Pattern.IsMatch(path))
            .OrderBy(o => o.Template.Count(c => c == '{')).FirstOrDefault();
        if (op.Operation is null)
        {
            // A route the API does not have answers 404 or 405; that is not a contract of any operation.
            if (status is not (404 or 405))
            {
                Add($"{method} {path} {status}: no such operation in the document");
            }

            return;
        }

        var responses = op.Operation["responses"]?.AsObject();
        var documented = responses?[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] ?? responses?[$"{status / 100}XX"] ?? responses?["default"];
        var where = $"{method} {op.Template} {status}";
        if (documented is null)
        {
            Add($"{where}: status not documented");
            return;
        }

        if (body is null)
        {
            return;
        }

        var media = (contentType ?? string.Empty).Split(';')[0].Trim();
        var content = documented["content"]?.AsObject();
        var schemaNode = content?[media]?["schema"] ?? (content is { Count: 1 } ? content.First().Value?["schema"] : null);
        if (schemaNode is null)
        {
            Add($"{where}: body ({media}) not documented");
            return;
        }

        var schema = _schemas.GetOrAdd($"{where} {media}", _ => Compile(schemaNode));
        if (schema is null)
        {
            return;
        }

        using var parsed = JsonDocument.Parse(body);
        var result = schema.Evaluate(parsed.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (!result.IsValid)
        {
            var first = string.Join(" | ", (result.Details ?? []).Where(d => !d.IsValid).OrderByDescending(d => d.Errors?.Count ?? 0).Take(3)
                .Select(d => $"{d.InstanceLocation} ({d.EvaluationPath}): {string.Join("; ", d.Errors?.Values.ToArray() ?? [])}"));
            Add($"{where}: body does not match ({first})");
        }
    }

    private void Add(string violation)
    {
        _violations.AddOrUpdate(violation, 1, (_, n) => n + 1);
        // The test that received it fails there, with the reason (the run fails again at the end, listing them all).
        if (!KnownGaps.Contains(Key(violation)))
        {
            throw new InvalidOperationException("API answer outside the OpenAPI document: " + violation);
        }
    }

    private JsonSchema? Compile(JsonNode schemaNode)
    {
        var root = new JsonObject { ["$schema"] = "https://json-schema.org/draft/2020-12/schema", ["$defs"] = _defs!.DeepClone() };
        foreach (var (k, v) in Rewrite(schemaNode).AsObject())
        {
            root[k] = v?.DeepClone();
        }

        return JsonSchema.FromText(root.ToJsonString());
    }

    private static JsonNode Rewrite(JsonNode node) =>
        JsonNode.Parse(node.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal))!;

    private async Task LoadAsync()
    {
        if (_operations is not null)
        {
            return;
        }

        await _loading.WaitAsync();
        try
        {
            if (_operations is not null)
            {
                return;
            }

            var doc = JsonNode.Parse(await loadDocument())!.AsObject();
            _defs = Rewrite(doc["components"]?["schemas"] ?? new JsonObject()).AsObject();
            var list = new List<(string, string, Regex, JsonObject)>();
            foreach (var (template, item) in doc["paths"]!.AsObject())
            {
                var pattern = new Regex("^" + Regex.Replace(Regex.Escape(template), @"\\\{[^/]+?\}", "[^/]+") + "/?$", RegexOptions.CultureInvariant);
                foreach (var (method, operation) in item!.AsObject())
                {
                    list.Add((method, template, pattern, operation!.AsObject()));
                }
            }

            _operations = list;
        }
        finally
        {
            _loading.Release();
        }
    }
}
