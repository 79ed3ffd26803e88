using DanVan.Data;
using DanVan.Domain;
using DanVan.Features.Campaigns;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Me;

public sealed record RoundTask(int Id, string Name, DateOnly ClosesOn, int DaysLeft, int Registered, int Target);

public sealed record ReportTask(int InitiativeId, string Name, string UnitName, DateOnly? LastPeriod, DateOnly DueOn, bool Overdue);

public sealed record ScoreTask(int AppraisalId, string Name, DateOnly OpenedOn, int ToScore);

public sealed record ModelRow(int Id, string Name, string UnitName, InitiativeStatus Status, DateOnly RegisteredOn);

/// <summary>What waits for the person, soonest first: rounds closing, result reports due, appraisals to score, and her models.</summary>
public sealed record TaskList(IReadOnlyList<RoundTask> Rounds, IReadOnlyList<ReportTask> Reports, int ReportsDueCount,
    IReadOnlyList<ScoreTask> Appraisals, IReadOnlyList<ModelRow> Models);

public static class MyTasks
{
    /// <summary>A model reports its results at least once a year (the review flags a year without one); due shows two months ahead.</summary>
    public const int ReportEveryMonths = 12;

    public const int DueAheadDays = 60;

    public static async Task<TaskList> ForAsync(AppDbContext db, UserScope scope, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var registerPaths = scope.PathsFor(Operation.Register);
        var rounds = new List<RoundTask>();
        if (registerPaths.Count > 0)
        {
            foreach (var c in await Campaigns.Campaigns.OpenForAsync(db, registerPaths, today, ct))
            {
                var registered = await db.Initiatives.AsNoTracking().Where(i => i.CampaignId == c.Id).WithinPaths(registerPaths, i => i.ScopePath).CountAsync(ct);
                var target = await db.CampaignTargets.AsNoTracking().Where(t => t.CampaignId == c.Id).WithinPaths(registerPaths, t => t.Unit!.Path).SumAsync(t => t.Count, ct);
                rounds.Add(new RoundTask(c.Id, c.Name, c.ClosesOn, c.ClosesOn.DayNumber - today.DayNumber, registered, target));
            }
        }

        var reportPaths = scope.PathsFor(Operation.ReportResults);
        var reports = new List<ReportTask>();
        var reportsDue = 0;
        if (reportPaths.Count > 0)
        {
            // Due when the last reported period (or the registration) is a year old, shown from two months before.
            var showFrom = today.AddDays(DueAheadDays).AddMonths(-ReportEveryMonths);
            var due = db.Initiatives.AsNoTracking().WithinPaths(reportPaths, i => i.ScopePath).Where(i => i.Status != InitiativeStatus.Retired)
                .Select(i => new { i.Id, i.Name, Unit = i.CurrentUnit!.FullName, i.RegisteredOn, Last = db.ResultReports.Where(r => r.InitiativeId == i.Id).Max(r => (DateOnly?)r.PeriodStart) })
                .Where(x => (x.Last ?? x.RegisteredOn) <= showFrom);
            reportsDue = await due.CountAsync(ct);
            reports = (await due.OrderBy(x => x.Last ?? x.RegisteredOn).Take(10).ToListAsync(ct))
                .Select(x =>
                {
                    var dueOn = (x.Last ?? x.RegisteredOn).AddMonths(ReportEveryMonths);
                    return new ReportTask(x.Id, x.Name, x.Unit, x.Last, dueOn, dueOn < today);
                }).ToList();
        }

        var appraisals = await db.Appraisals.AsNoTracking()
            .Where(a => a.Status == AppraisalStatus.Open && a.Members.Any(m => m.UserId == scope.UserId))
            .Select(a => new
            {
                a.Id, a.Name, a.OpenedOn,
                ToScore = a.Items.Count(i => i.Outcome == AppraisalOutcome.Pending
                    && !i.Scores.Any(s => s.UserId == scope.UserId) && !i.Recusals.Any(r => r.UserId == scope.UserId)),
            })
            .Where(a => a.ToScore > 0).OrderBy(a => a.OpenedOn).Take(10).ToListAsync(ct);

        var models = registerPaths.Count == 0 ? [] : await db.Initiatives.AsNoTracking().WithinPaths(registerPaths, i => i.ScopePath)
            .OrderByDescending(i => i.RegisteredOn).ThenByDescending(i => i.Id).Take(8)
            .Select(i => new ModelRow(i.Id, i.Name, i.CurrentUnit!.FullName, i.Status, i.RegisteredOn)).ToListAsync(ct);

        return new TaskList(rounds.OrderBy(r => r.ClosesOn).ToList(), reports, reportsDue,
            appraisals.Select(a => new ScoreTask(a.Id, a.Name, a.OpenedOn, a.ToScore)).ToList(), models);
    }
}
