using System.Net;
using System.Net.Http.Json;
using DanVan.Data;
using DanVan.Domain;
using DanVan.Features.PersonalData;
using DanVan.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.IntegrationTests;

/// <summary>A person's export and erasure requests, and the audit trail's retention.</summary>
[Collection(AppCollection.Name)]
public class PersonalDataTests(DanVanFactory app)
{
    [Fact]
    public async Task Export_FindsThePersonInScope_Erasure_RemovesTheNameEverywhere()
    {
        // A made-up last word keeps the name unique to this test (names are letters only).
        var tag = "Thị" + new string(Guid.NewGuid().ToString("N")[..6].Select(c => (char)('a' + (c % 16))).ToArray());
        var person = $"Lò Văn Bình {tag}";
        var officer = await app.ApiClientAsync((Role.Officer, TestData.ThaiHoa));
        var created = await officer.PostAsJsonAsync("/api/v1/initiatives", new
        {
            name = TestData.Unique("Gương sáng nuôi ong"), field = "economy", kind = "individual", origin = "new", ownerName = person,
            ownerConsentOn = "2026-02-01", unitCode = TestData.ThaiHoa, registeredOn = "2026-03-01",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = await TestData.IdOfAsync(created);
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var path = await db.Initiatives.Where(i => i.Id == id).Select(i => i.ScopePath).SingleAsync();
            // A citizen's comment signed with the same name, written without tone marks and in capitals.
            db.CitizenComments.Add(new CitizenComment { InitiativeId = id, AuthorName = $"LO VAN BINH {VietnameseText.Fold(tag).ToUpperInvariant()}", Text = "Rất hay", At = DateTimeOffset.UtcNow, ScopePath = path });
            await db.SaveChangesAsync();
        }

        var secretariat = await app.ApiClientAsync((Role.Secretariat, TestData.NgheAn));
        var export = await (await secretariat.GetAsync($"/api/v1/personal-data?name={Uri.EscapeDataString(person.ToUpperInvariant())}")).ReadJsonAsync();
        Assert.Equal(id, export.GetProperty("records")[0].GetProperty("id").GetInt32());
        Assert.Equal(1, export.GetProperty("comments").GetArrayLength());
        // Another province's secretariat finds nothing; an officer may not ask; a bare request is refused.
        var elsewhere = await app.ApiClientAsync((Role.Secretariat, "01"));
        Assert.Equal(0, (await (await elsewhere.GetAsync($"/api/v1/personal-data?name={Uri.EscapeDataString(person)}")).ReadJsonAsync()).GetProperty("records").GetArrayLength());
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync($"/api/v1/personal-data?name={Uri.EscapeDataString(person)}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await secretariat.PostAsJsonAsync("/api/v1/personal-data/erase", new { name = person })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync("/api/v1/personal-data/erase", new { name = person, reason = "Đơn số 1" })).StatusCode);

        var erased = await (await secretariat.PostAsJsonAsync("/api/v1/personal-data/erase", new { name = person, reason = "Đơn yêu cầu số 12 ngày 20/11/2026" })).ReadJsonAsync();
        Assert.Equal((1, 1), (erased.GetProperty("records").GetInt32(), erased.GetProperty("comments").GetInt32()));
        Assert.True(erased.GetProperty("auditEntries").GetInt32() >= 1);

        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var record = await db.Initiatives.AsNoTracking().SingleAsync(i => i.Id == id);
            Assert.Equal((PersonalDataRequests.ErasedName, (DateOnly?)null), (record.OwnerName, record.OwnerConsentOn));
            Assert.DoesNotContain("binh", record.SearchText, StringComparison.Ordinal);
            Assert.Null(await db.CitizenComments.Where(c => c.InitiativeId == id).Select(c => c.AuthorName).SingleAsync());
            var lines = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(Initiative) && a.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Select(a => a.Changes).ToListAsync();
            Assert.NotEmpty(lines);
            Assert.All(lines, l => Assert.DoesNotContain(tag[3..], l ?? string.Empty, StringComparison.Ordinal)); // the ASCII part: JSON may escape "ị"
            var request = await db.AuditEntries.AsNoTracking().Where(a => a.Action == "personal-data-erased").OrderByDescending(a => a.Id).FirstAsync();
            Assert.DoesNotContain(tag[3..], request.Changes!, StringComparison.Ordinal);
        }

        var after = await (await secretariat.GetAsync($"/api/v1/personal-data?name={Uri.EscapeDataString(person)}")).ReadJsonAsync();
        Assert.Equal((0, 0), (after.GetProperty("records").GetArrayLength(), after.GetProperty("comments").GetArrayLength()));
    }

    [Fact]
    public async Task PurgeAudit_DeletesOnlyLinesOlderThanTheRetention()
    {
        _ = app.Services;
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var marker = Guid.NewGuid().ToString("N");
        db.AuditEntries.Add(new AuditEntry { At = DateTimeOffset.UtcNow.AddYears(-3), Action = "old-" + marker, EntityType = "Test" });
        db.AuditEntries.Add(new AuditEntry { At = DateTimeOffset.UtcNow.AddMonths(-6), Action = "recent-" + marker, EntityType = "Test" });
        await db.SaveChangesAsync();

        var deleted = await PersonalDataRequests.PurgeAuditAsync(db, 2, TimeProvider.System, CancellationToken.None);
        Assert.True(deleted >= 1);
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == "old-" + marker));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "recent-" + marker));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "audit-purged"));
    }
}
