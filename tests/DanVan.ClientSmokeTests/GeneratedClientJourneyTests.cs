using DanVan.Client;
using DanVan.Client.Models;
using Role = DanVan.Domain.Role;
using DanVan.IntegrationTests.Support;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace DanVan.ClientSmokeTests;

/// <summary>
/// A province's IT generates a client from the published document (Kiota, in scripts/test.sh) and works with it: no
/// hand-written HTTP, only the generated methods and models. What the integration suites prove answer by answer, this
/// proves as a client meets it: it compiles, its calls are understood, its answers deserialize, its refusals are typed.
/// </summary>
public sealed class GeneratedClientJourneyTests : IClassFixture<DanVanFactory>
{
    private readonly DanVanFactory _app;

    public GeneratedClientJourneyTests(DanVanFactory app) => _app = app;

    private async Task<DanVanClient> ClientAsync(Role role, string unit)
    {
        var http = await _app.ApiClientAsync((role, unit));
        var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http) { BaseUrl = http.BaseAddress!.ToString().TrimEnd('/') };
        return new DanVanClient(adapter);
    }

    [Fact]
    public async Task AnOfficerRegistersAModel_ReportsItsResults_AndReadsItsListToTheEnd()
    {
        var officer = await ClientAsync(Role.Officer, TestData.LuongBang);
        var me = await officer.Api.V1.Me.GetAsync();
        Assert.NotNull(me);

        var name = TestData.Unique("Mô hình do máy khách tạo");
        var created = await officer.Api.V1.Initiatives.PostAsync(new InitiativeInput
        {
            Name = name, Field = Field.Economy, Kind = InitiativeKind.Collective, Origin = Origin.New, OwnerName = "Hội Nông dân",
            UnitCode = TestData.LuongBang, RegisteredOn = new Date(2026, 3, 1), Summary = "Tạo bằng máy khách sinh từ tài liệu OpenAPI.",
        });
        Assert.Equal(name, created!.Name);
        var id = created.Id!.Value;

        var read = await officer.Api.V1.Initiatives[id].GetAsync();
        Assert.Equal(InitiativeStatus.Registered, read!.Status);
        Assert.Null(read.HighestLevel);

        // A change carries the version it read; an old version is a typed refusal (409), not an exception of the transport.
        var edit = new InitiativeInput
        {
            Name = name, Field = Field.Economy, Kind = InitiativeKind.Collective, Origin = Origin.New, OwnerName = "Hội Nông dân",
            UnitCode = TestData.LuongBang, RegisteredOn = new Date(2026, 3, 1), Summary = "Đã sửa.", Version = read.Version,
        };
        var saved = await officer.Api.V1.Initiatives[id].PutAsync(edit);
        Assert.Equal(read.Version + 1, saved!.Version);
        var stale = await Assert.ThrowsAsync<ProblemDetails>(() => officer.Api.V1.Initiatives[id].PutAsync(edit));
        Assert.Equal(409, stale.ResponseStatusCode);
        Assert.Equal("urn:danvan:problem:stale", stale.Type);

        // Bad input is a typed validation problem naming the field.
        var bad = await Assert.ThrowsAsync<HttpValidationProblemDetails>(() => officer.Api.V1.Initiatives.PostAsync(new InitiativeInput { UnitCode = TestData.LuongBang }));
        Assert.Equal(400, bad.ResponseStatusCode);
        Assert.Contains("Name", bad.Errors!.AdditionalData.Keys, StringComparer.OrdinalIgnoreCase);

        // The list is read to its end by its cursor.
        var seen = new List<int>();
        string? after = null;
        do
        {
            var page = await officer.Api.V1.Initiatives.GetAsync(c =>
            {
                c.QueryParameters.Unit = TestData.LuongBang;
                c.QueryParameters.Sort = "-registered";
                c.QueryParameters.Limit = 25;
                c.QueryParameters.After = after;
            });
            seen.AddRange(page!.Items!.Select(i => i.Id!.Value));
            after = page.Next;
        }
        while (after is not null);
        Assert.Contains(id, seen);
        Assert.Equal(seen.Count, seen.Distinct().Count());

        // Results, then a photo as evidence: the generated multipart body.
        var indicators = await officer.Api.V1.Indicators.GetAsync();
        Assert.NotEmpty(indicators!);
        var report = await officer.Api.V1.Initiatives[id].Results.PostAsync(new ResultInput
        {
            PeriodKind = PeriodKind.Quarter, PeriodStart = new Date(2026, 4, 1), Narrative = "Quý II: 12 hộ hiến đất.",
            Values = [new ResultsIndicatorInput { Indicator = "Số hộ hiến đất", Value = 12, MeasureUnitId = 1 }],
        });
        var photo = new MultipartBody();
        photo.AddOrReplacePart("file", "image/png", new MemoryStream(TestData.Png), "anh.png");
        var attached = await officer.Api.V1.Results[report!.Id!.Value].Evidence.PostAsync(photo);
        Assert.Equal("anh.png", attached!.FileName);
        var results = await officer.Api.V1.Initiatives[id].Results.GetAsync();
        Assert.Single(results!);
        Assert.Single(results![0].Evidence!);
    }

    [Fact]
    public async Task ASecretariatPlansAnInspection_ReadsItByItsLocation_AndPagesTheRegister()
    {
        var officer = await ClientAsync(Role.Officer, TestData.LuongBang);
        var secretariat = await ClientAsync(Role.Secretariat, TestData.HungYen);
        var model = await officer.Api.V1.Initiatives.PostAsync(new InitiativeInput
        {
            Name = TestData.Unique("Mô hình được kiểm tra"), Field = Field.Culture_society, Kind = InitiativeKind.Collective, Origin = Origin.New,
            OwnerName = "Chi hội Phụ nữ", UnitCode = TestData.LuongBang, RegisteredOn = new Date(2026, 1, 5),
        });

        // What the generated method returns after a 201 is the created id; the document says so, so nothing throws after the server saved.
        var planned = await secretariat.Api.V1.Inspections.PostAsync(new InspectionInput
        {
            UnitCode = TestData.LuongBang, InitiativeId = model!.Id, PlannedOn = new Date(2026, 12, 1), Inspectors = "Ban Dân vận Tỉnh ủy",
        });
        var one = await secretariat.Api.V1.Inspections[planned!.Id!.Value].GetAsync();
        Assert.Equal(model.Id, one!.InitiativeId);

        var page = await secretariat.Api.V1.Inspections.GetAsync(c => { c.QueryParameters.InitiativeId = model.Id; c.QueryParameters.Limit = 1; });
        Assert.Equal(1, page!.Total);
        Assert.Null(page.Next);

        var awards = await secretariat.Api.V1.Awards.GetAsync(c => c.QueryParameters.Limit = 2);
        Assert.True(awards!.Items!.Count <= 2);
        var nominations = await officer.Api.V1.Nominations.GetAsync();
        Assert.NotNull(nominations!.Items);
    }
}
