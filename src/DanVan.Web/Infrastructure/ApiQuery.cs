using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;

namespace DanVan.Infrastructure;

/// <summary>
/// Dates in an API query are ISO (yyyy-MM-dd) and nothing else: "03/04/2025" would otherwise be read by the server's
/// culture (4 March or 3 April, depending), so it is refused, naming the parameter.
/// </summary>
public static partial class ApiQuery
{
    private static readonly HashSet<string> DateKeys = new(StringComparer.OrdinalIgnoreCase) { "from", "to", "asOf", "on", "since", "updatedSince", "date" };

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
    private static partial Regex IsoDate();

    public static async ValueTask<object?> StrictDatesAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        foreach (var (key, values) in context.HttpContext.Request.Query)
        {
            if (DateKeys.Contains(key) && values.Any(v => !string.IsNullOrEmpty(v) && !IsoDate().IsMatch(v!)))
            {
                return Problems.Invalid(key, $"Ngày viết theo ISO 8601: yyyy-MM-dd (ví dụ 2025-04-03), không phải \"{values}\".");
            }
        }

        return await next(context);
    }

    /// <summary>
    /// A value the framework could not read into its parameter (<c>?limit=abc</c>, <c>?year=2025.5</c>, a body that is not
    /// JSON) is answered as every other field error: 400, naming the field and what it must be. (The framework itself
    /// answers a bare 400; the filters still run, with that status set, so this one says why.)
    /// </summary>
    public static async ValueTask<object?> UnreadableAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (http.Response.StatusCode != StatusCodes.Status400BadRequest)
        {
            return await next(context);
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var p in http.GetEndpoint()?.Metadata.GetMetadata<MethodInfo>()?.GetParameters() ?? [])
        {
            var type = Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType;
            var name = p.GetCustomAttribute<FromQueryAttribute>()?.Name ?? p.Name ?? string.Empty;
            var raw = http.Request.Query.TryGetValue(name, out var q) ? q.ToString() : http.Request.RouteValues.TryGetValue(name, out var rv) ? rv?.ToString() : null;
            if (raw is not null && Expected(type) is { } expected && !Reads(type, raw))
            {
                errors[name] = [$"Không đọc được \"{(raw.Length > 40 ? raw[..40] + "…" : raw)}\": {name} phải là {expected}."];
            }
        }

        if (errors.Count == 0)
        {
            errors["body"] = ["Không đọc được nội dung yêu cầu: gửi JSON đúng lược đồ trong tài liệu OpenAPI (Content-Type: application/json)."];
        }

        http.Response.StatusCode = StatusCodes.Status200OK;
        return Problems.Invalid(errors);
    }

    private static string? Expected(Type type) =>
        type == typeof(int) || type == typeof(long) ? "một số nguyên"
        : type == typeof(decimal) || type == typeof(double) ? "một số (dấu chấm thập phân)"
        : type == typeof(bool) ? "true hoặc false"
        : type == typeof(DateOnly) ? "một ngày yyyy-MM-dd"
        : type == typeof(Guid) ? "một GUID"
        : null;

    private static bool Reads(Type type, string raw) =>
        type == typeof(int) ? int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
        : type == typeof(long) ? long.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
        : type == typeof(decimal) ? decimal.TryParse(raw, NumberStyles.Number, CultureInfo.InvariantCulture, out _)
        : type == typeof(double) ? double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
        : type == typeof(bool) ? bool.TryParse(raw, out _)
        : type == typeof(DateOnly) ? DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
        : type != typeof(Guid) || Guid.TryParse(raw, out _);
}
