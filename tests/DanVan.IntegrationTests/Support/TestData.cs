using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using DanVan.Domain;

namespace DanVan.IntegrationTests.Support;

public static class TestData
{
    public const string Password = "Kiem-tra-2026";

    // Units used across tests (2025 map): two communes of Hưng Yên (Lương Bằng took in the old Phạm Ngũ Lão of Kim Động) and one of Nghệ An.
    public const string HungYen = "33";
    public const string LuongBang = "12280";
    public const string NgheAn = "40";
    public const string ThaiHoa = "16939";

    public static string UniqueEmail() => $"u{Guid.NewGuid():N}@test.danvan.vn"[..40];

    public static string Unique(string name) => $"{name} {Guid.NewGuid().ToString("N")[..8]}";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
    };

    public static object NewInitiative(string unit, string? name = null, int? map = null, string registeredOn = "2026-03-01") => new
    {
        name = name ?? Unique("Mô hình thử"),
        field = "economy",
        kind = "collective",
        origin = "new",
        ownerName = "Hội Nông dân",
        unitCode = unit,
        unitMap = map,
        registeredOn,
        summary = "Tóm tắt",
    };

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<int> CreateInitiativeAsync(HttpClient api, string unit, string? name = null, int? map = null, string registeredOn = "2026-03-01")
    {
        var response = await api.PostAsJsonAsync("/api/v1/initiatives", NewInitiative(unit, name, map, registeredOn));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt32();
    }

    public static (Role, string?) Grant(Role role, string? unit) => (role, unit);

    /// <summary>A real 1×1 PNG.</summary>
    public static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    public static async Task<int> IdOfAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt32();
    }

    public static MultipartFormDataContent FileContent(byte[] bytes, string fileName)
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "file", fileName);
        return content;
    }

    public static object Criteria(string unit, decimal threshold = 70) => new
    {
        name = Unique("Bộ tiêu chí"),
        unitCode = unit,
        passThreshold = threshold,
        criteria = new[]
        {
            new { name = "Hiệu quả", weight = 2m, maxScore = 10m },
            new { name = "Sức lan tỏa", weight = 1m, maxScore = 10m },
        },
    };

    /// <summary>Queues a file on the import queue (kind: initiatives, results, awards) and waits for the job's end.</summary>
    public static async Task<JsonElement> ImportJobAsync(HttpClient api, string csv, string kind, bool dryRun = false, string fileName = "tep.csv")
    {
        using var content = FileContent(System.Text.Encoding.UTF8.GetBytes(csv), fileName);
        content.Add(new StringContent(kind), "kind");
        content.Add(new StringContent(dryRun ? "true" : "false"), "dryRun");
        var posted = await api.PostAsync("/api/v1/imports", content);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, posted.StatusCode);
        var id = JsonDocument.Parse(await posted.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt32();
        for (var k = 0; k < 80; k++)
        {
            var job = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/imports/{id}")).RootElement.Clone();
            if (job.GetProperty("status").GetString() is "succeeded" or "failed")
            {
                return job;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"Import job {id} did not end.");
    }
}
