using System.Text.Json.Nodes;
using DanVan.IntegrationTests.Support;

namespace DanVan.IntegrationTests;

/// <summary>
/// The published OpenAPI document is what a province's IT generates clients from: every operation says what it answers.
/// (Every answer the suites receive is also checked against it: Support/ContractCheck.cs.)
/// </summary>
[Collection(AppCollection.Name)]
public class ApiDocumentTests(DanVanFactory app)
{
    private async Task<JsonObject> DocumentAsync()
    {
        var text = await app.CreateClient().GetStringAsync("/openapi/v1.json");
        // The test script lints the document the app serves (Spectral, zero errors).
        if (Environment.GetEnvironmentVariable("DANVAN_OPENAPI_OUT") is { Length: > 0 } file)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.WriteAllTextAsync(file, text);
        }

        return JsonNode.Parse(text)!.AsObject();
    }

    [Fact]
    public async Task EveryOperation_HasAUniqueId_ASuccessBody_TheBearerScheme_AndItsRefusals()
    {
        var doc = await DocumentAsync();
        var ops = doc["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(o => (Path: p.Key, Method: o.Key, Op: o.Value!.AsObject()))).ToList();
        Assert.True(ops.Count > 100, $"{ops.Count} operations");
        Assert.All(ops, o => Assert.StartsWith("/api/v1/", o.Path, StringComparison.Ordinal));
        Assert.Equal(ops.Count, ops.Select(o => o.Op["operationId"]!.GetValue<string>()).Distinct(StringComparer.Ordinal).Count());
        var missing = ops.Where(o =>
        {
            var responses = o.Op["responses"]!.AsObject();
            var success = responses.Where(r => r.Key.StartsWith('2')).ToList();
            return success.Count == 0 || success.Any(r => r.Key is not ("204" or "202") && r.Value!["content"] is null)
                || !new[] { "401", "403", "429" }.All(responses.ContainsKey)
                || o.Op["security"] is null;
        }).Select(o => $"{o.Method} {o.Path}").ToList();
        Assert.True(missing.Count == 0, "Without a success body, a refusal or the scheme:\n" + string.Join('\n', missing));
        Assert.Equal("bearer", doc["components"]!["securitySchemes"]!["bearer"]!["scheme"]!.GetValue<string>());
        Assert.Equal("/", doc["servers"]![0]!["url"]!.GetValue<string>());
        Assert.Equal("Retry-After", doc["paths"]!["/api/v1/initiatives"]!["get"]!["responses"]!["429"]!["headers"]!.AsObject().Single().Key);
    }

    [Fact]
    public async Task Uploads_AreMultipart_PostsTakeAnIdempotencyKey_PutsRequireTheirVersion_AndParametersSayWhatTheyMean()
    {
        var doc = await DocumentAsync();
        var paths = doc["paths"]!.AsObject();
        foreach (var upload in new[] { "/api/v1/imports", "/api/v1/results/{reportId}/evidence", "/api/v1/inspections/{id}/photos", "/api/v1/nominations/{id}/attachments", "/api/v1/documents" })
        {
            var schema = paths[upload]!["post"]!["requestBody"]!["content"]!["multipart/form-data"]!["schema"]!;
            Assert.Equal("binary", schema["properties"]!["file"]!["format"]!.GetValue<string>());
        }

        Assert.Contains(paths["/api/v1/initiatives"]!["post"]!["parameters"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "Idempotency-Key" && p["in"]!.GetValue<string>() == "header");
        var put = paths["/api/v1/initiatives/{id}"]!["put"]!["requestBody"]!["content"]!["application/json"]!["schema"]!;
        Assert.Contains(put["allOf"]!.AsArray(), part => part!["required"]?.AsArray().Any(r => r!.GetValue<string>() == "version") == true);
        var limit = paths["/api/v1/awards"]!["get"]!["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "limit")!;
        Assert.False(string.IsNullOrEmpty(limit["description"]?.GetValue<string>()));
        Assert.Equal(50, limit["example"]!.GetValue<int>());
        Assert.NotNull(paths["/api/v1/inspections"]!["post"]!["responses"]!["201"]!["headers"]!["Location"]);
        // A step's reason may be left out ("forward" needs none): not required in the document either.
        var step = doc["components"]!["schemas"]!["StepInput"]!;
        Assert.DoesNotContain(step["required"]?.AsArray() ?? [], r => r!.GetValue<string>() == "reason");
    }

    [Fact]
    public async Task TheReference_IsDrawnFromTheDocument_AndServedByTheApp()
    {
        var client = app.CreateClient();
        var page = await client.GetAsync("/api-reference/");
        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("openapi/v1.json", html, StringComparison.Ordinal);
        var script = html.Split("<script src=\"")[1].Split('"')[0];
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/api-reference/" + script)).StatusCode);
    }

    [Fact]
    public async Task Enums_AreStringsWithoutNull_AndTwoClassesOfOneName_AreTwoSchemas()
    {
        var schemas = (await DocumentAsync())["components"]!["schemas"]!.AsObject();
        foreach (var (name, schema) in schemas.Where(s => s.Value!["enum"] is not null))
        {
            Assert.Equal("string", schema!["type"]!.GetValue<string>());
            Assert.DoesNotContain(schema["enum"]!.AsArray(), v => v is null);
        }

        // The result's figure and the catalogue's indicator: a result's values must not be described as catalogue entries.
        Assert.Contains("ResultsIndicatorView", schemas.Select(s => s.Key));
        Assert.Contains("IndicatorsIndicatorView", schemas.Select(s => s.Key));
        Assert.Contains("ResultsIndicatorInput", schemas.Select(s => s.Key));
        var values = schemas["ResultView"]!["properties"]!["values"]!["items"]!["$ref"]!.GetValue<string>();
        Assert.EndsWith("/ResultsIndicatorView", values, StringComparison.Ordinal);
        // Strings are typed (a converter of ours hid them), and numbers are numbers.
        var detail = schemas["InitiativeDetail"]!["properties"]!;
        Assert.Contains("string", detail["name"]!["type"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("integer", detail["id"]!["type"]!.GetValue<string>());
    }
}
