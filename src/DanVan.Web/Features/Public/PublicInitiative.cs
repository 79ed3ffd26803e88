using DanVan.Data;
using DanVan.Domain;
using Microsoft.EntityFrameworkCore;
using DanVan.Infrastructure;

namespace DanVan.Features.Public;

public sealed record PublicRecognition(RecognitionLevel Level, DateOnly Date, string Number, string IssuingBody);

public sealed record PublicPoint(string Period, DateOnly Start, decimal Value);

public sealed record PublicComment(string? Author, string Text, DateTimeOffset At);

public sealed record PublicInitiativeView(int Id, string Name, string Slug, Field Field, InitiativeKind Kind, Origin Origin, string UnitName, string ProvinceName,
    string? Owner, int? OwnerOrganizationId, DateOnly RegisteredOn, string? Summary, string? Goals, string? Method, RecognitionLevel Level,
    IReadOnlyList<PublicRecognition> Recognitions, string? Indicator, string? IndicatorUnit, IReadOnlyList<PublicPoint> Points,
    IReadOnlyList<(string Period, string Narrative)> Narratives, IReadOnlyList<int> Photos, (int Id, string Name, string Slug)? ReplicatedFrom,
    IReadOnlyList<PublicCard> Replications, int ReplicationCount, long Answers, long Satisfied, string? SurveyKey, string? SurveyQuestion,
    IReadOnlyList<PublicComment> Comments, IReadOnlyList<PublicCard> Similar);

public static class PublicInitiative
{
    /// <summary>The public page of an initiative, or null when it is not public.</summary>
    public static async Task<PublicInitiativeView?> LoadAsync(AppDbContext db, int id, CancellationToken ct)
    {
        var i = await db.Initiatives.AsNoTracking().Include(x => x.CurrentUnit).Include(x => x.OwnerOrganization).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (i is null || !i.IsPublic)
        {
            return null;
        }

        var provinces = await PublicQueries.ProvincesAsync(db, ct);
        var recognitions = await db.Recognitions.AsNoTracking().Where(r => r.InitiativeId == id).OrderBy(r => r.Date)
            .Select(r => new PublicRecognition(r.Level, r.Date, r.Decision!.Number, r.Decision.IssuingBody)).ToListAsync(ct);
        var reports = await db.ResultReports.AsNoTracking().Where(r => r.InitiativeId == id).OrderBy(r => r.PeriodStart)
            .Include(r => r.Values).ThenInclude(v => v.MeasureUnit).Include(r => r.Evidence)
            // One query per collection: joined in one, SQLite read all indicator values of the country (4 s at 1M records).
            .AsSplitQuery().ToListAsync(ct);
        // The chart follows the indicator reported most often.
        var indicator = reports.SelectMany(r => r.Values).GroupBy(v => v.Indicator).OrderByDescending(g => g.Count()).FirstOrDefault();
        var points = indicator is null ? [] : reports.SelectMany(r => r.Values.Where(v => v.Indicator == indicator.Key).Select(v => new PublicPoint(r.PeriodLabel, r.PeriodStart, v.Value))).ToList();
        var photos = reports.SelectMany(r => r.Evidence).Where(e => e.Public && EvidenceStore.IsImage(e.Kind)).Select(e => e.Id).Take(12).ToList();
        var narratives = reports.Where(r => !string.IsNullOrWhiteSpace(Initiative.PublicTextOf(i.Kind, i.OwnerConsentOn, r.Narrative)))
            .TakeLast(4).Select(r => (r.PeriodLabel, r.Narrative!)).ToList();

        (int, string, string)? source = null;
        if (i.ReplicatedFromId is { } sid && await db.Initiatives.AsNoTracking().Visible().Where(x => x.Id == sid).Select(x => x.Name).FirstOrDefaultAsync(ct) is { } sourceName)
        {
            source = (sid, sourceName, VietnameseText.Slug(sourceName));
        }

        var copies = db.Initiatives.AsNoTracking().Where(x => x.ReplicatedFromId == id && x.Status != InitiativeStatus.Retired);
        var replicationCount = await copies.CountAsync(ct);
        var replications = await PublicQueries.CardsAsync(copies.Visible().OrderByDescending(x => x.HighestLevel).Take(12), provinces, ct);

        var surveyIds = db.Surveys.Where(s => s.InitiativeId == id).Select(s => s.Id);
        var answers = await db.SurveyAnswers.AsNoTracking().Where(a => surveyIds.Contains(a.SurveyId) && !a.Held).GroupBy(a => a.Satisfied)
            .Select(g => new { g.Key, N = g.LongCount() }).ToListAsync(ct);
        var open = await db.Surveys.AsNoTracking().Where(s => s.InitiativeId == id && s.IsOpen).OrderByDescending(s => s.Id)
            .Select(s => new { s.Key, s.Question }).FirstOrDefaultAsync(ct);
        var comments = await db.CitizenComments.AsNoTracking().Where(c => c.InitiativeId == id && c.Status == CommentStatus.Published)
            .OrderByDescending(c => c.Id).Take(50).Select(c => new PublicComment(c.AuthorName, c.Text, c.At)).ToListAsync(ct);

        // Similar: among the newest 2,000 records sharing a word of the name (a bounded list, however common the words),
        // the public ones of the same field that share the most words, the best recognised first.
        var terms = InitiativeSearch.Terms(i.Name).Where(t => t.Length > 2).ToList();
        var candidates = await InitiativeSearch.LatestMatchesAsync(db, terms, 2000, ct);
        var ranked = (await db.Initiatives.AsNoTracking().Visible().Where(x => candidates.Contains(x.Id) && x.Id != id && x.Field == i.Field)
                .Select(x => new { x.Id, x.SearchText, x.HighestLevel, x.FirstRecognizedOn }).ToListAsync(ct))
            .OrderByDescending(x => x.SearchText.Split(' ').Count(w => terms.Any(t => w.StartsWith(t, StringComparison.Ordinal))))
            .ThenByDescending(x => x.HighestLevel).ThenByDescending(x => x.FirstRecognizedOn).Take(5).Select(x => x.Id).ToList();
        var similar = (await PublicQueries.CardsAsync(db.Initiatives.AsNoTracking().Where(x => ranked.Contains(x.Id)), provinces, ct))
            .OrderBy(c => ranked.IndexOf(c.Id)).ToList();

        return new PublicInitiativeView(i.Id, i.Name, VietnameseText.Slug(i.Name), i.Field, i.Kind, i.Origin, i.CurrentUnit!.FullName,
            provinces.GetValueOrDefault(PublicQueries.ProvincePath(i.ScopePath), string.Empty),
            i.OwnerOrganization?.Name ?? i.PublicOwner, i.OwnerOrganizationId, i.RegisteredOn, Initiative.PublicTextOf(i.Kind, i.OwnerConsentOn, i.Summary),
            Initiative.PublicTextOf(i.Kind, i.OwnerConsentOn, i.Goals), Initiative.PublicTextOf(i.Kind, i.OwnerConsentOn, i.Method), i.HighestLevel!.Value,
            recognitions, indicator?.Key, indicator?.First().MeasureUnit?.Name, points, narratives, photos, source, replications, replicationCount,
            answers.Sum(a => a.N), answers.Where(a => a.Key).Sum(a => a.N), open?.Key, open?.Question, comments, similar);
    }
}
