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

/// <summary>A nomination waiting for the person: "prepare" (a draft), "fix" (returned), "receive" (sent up to her level), "decide" (taken in).</summary>
public sealed record NominationTask(int Id, string Recipient, string Action, DateOnly Since, string? Reason);

/// <summary>A unit's report for the last period that has ended, not yet entered; due <see cref="Indicators.UnitReports.DueAfterDays"/> days after.</summary>
public sealed record UnitReportTask(string UnitCode, string UnitName, string Period, string PeriodLabel, DateOnly DueOn, bool Overdue);

/// <summary>An inspection to carry out ("visit") or a follow-up task the unit must do ("follow-up").</summary>
public sealed record InspectionWork(int InspectionId, string Kind, string Text, string UnitName, DateOnly DueOn, bool Overdue);

/// <summary>What waits for the person, soonest first: rounds closing, result and unit reports due, appraisals to score,
/// nominations to prepare, fix, receive or decide, inspections planned and follow-ups due, and her models.</summary>
public sealed record TaskList(IReadOnlyList<RoundTask> Rounds, IReadOnlyList<ReportTask> Reports, int ReportsDueCount,
    IReadOnlyList<ScoreTask> Appraisals, IReadOnlyList<ModelRow> Models)
{
    public IReadOnlyList<NominationTask> Nominations { get; init; } = [];

    public IReadOnlyList<UnitReportTask> UnitReports { get; init; } = [];

    public IReadOnlyList<InspectionWork> Inspections { get; init; } = [];

    public bool IsEmpty => Rounds.Count == 0 && Reports.Count == 0 && Appraisals.Count == 0 && Nominations.Count == 0 && UnitReports.Count == 0 && Inspections.Count == 0;
}

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
            reports = (await due.OrderBy(x => x.Last ?? x.RegisteredOn).Take(5).ToListAsync(ct))
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
            appraisals.Select(a => new ScoreTask(a.Id, a.Name, a.OpenedOn, a.ToScore)).ToList(), models)
        {
            Nominations = await NominationsAsync(db, scope, registerPaths, ct),
            UnitReports = await UnitReportsAsync(db, reportPaths, today, ct),
            Inspections = await InspectionsAsync(db, scope, today, ct),
        };
    }

    private static async Task<List<NominationTask>> NominationsAsync(AppDbContext db, UserScope scope, IReadOnlyList<string> registerPaths, CancellationToken ct)
    {
        var tasks = new List<NominationTask>();
        if (registerPaths.Count > 0)
        {
            // The person's own unit's files (a province's staff are not listed every commune's drafts).
            var own = await db.Nominations.AsNoTracking().Where(n => registerPaths.Contains(n.ScopePath))
                .Where(n => n.Status == NominationStatus.Draft || n.Status == NominationStatus.Returned)
                .OrderByDescending(n => n.Status).ThenBy(n => n.Id).Take(10)
                .Select(n => new { n.Id, n.RecipientName, n.Status, n.StatusSince, n.ReturnReason }).ToListAsync(ct);
            tasks.AddRange(own.Select(n => new NominationTask(n.Id, n.RecipientName, n.Status == NominationStatus.Returned ? "fix" : "prepare",
                VietnamClock.DateOf(n.StatusSince), n.ReturnReason)));
        }

        // Up the chain: those held at a level the person decides for (the same rule the nomination's page applies).
        if (scope.ReadPaths.Count > 0)
        {
            var held = await db.Nominations.AsNoTracking().WithinPaths(scope.ReadPaths, n => n.HolderPath)
                .Where(n => (n.Status == NominationStatus.Submitted || n.Status == NominationStatus.Received) && n.HolderLevel != null)
                .OrderBy(n => n.Id).Take(200)
                .Select(n => new { n.Id, n.RecipientName, n.Status, n.StatusSince, n.HolderPath, n.HolderLevel }).ToListAsync(ct);
            tasks.AddRange(held.Where(n => scope.Can(Permissions.RecognizeAt(n.HolderLevel!.Value), n.HolderPath)).Take(10)
                .Select(n => new NominationTask(n.Id, n.RecipientName, n.Status == NominationStatus.Submitted ? "receive" : "decide", VietnamClock.DateOf(n.StatusSince), null)));
        }

        return tasks;
    }

    /// <summary>The last period (quarter) that has ended, for each unit the person reports for, when the unit has no report for it.</summary>
    private static async Task<List<UnitReportTask>> UnitReportsAsync(AppDbContext db, IReadOnlyList<string> reportPaths, DateOnly today, CancellationToken ct)
    {
        if (reportPaths.Count == 0)
        {
            return [];
        }

        var period = ReportPeriod.LastQuarterEnded(today);
        var units = await db.AdminUnits.AsNoTracking().Where(u => u.Map == Maps.Current && reportPaths.Contains(u.Path) && u.Level == 2)
            .OrderBy(u => u.SortKey).Take(5).Select(u => new { u.Id, u.Code, u.FullName }).ToListAsync(ct);
        var ids = units.Select(u => u.Id).ToList();
        var reported = (await db.UnitReports.AsNoTracking().Where(r => r.Period == period.Code && r.OrganizationId == null && ids.Contains(r.UnitId))
            .Select(r => r.UnitId).ToListAsync(ct)).ToHashSet();
        var due = period.End.AddDays(Indicators.UnitReports.DueAfterDays);
        return units.Where(u => !reported.Contains(u.Id)).Select(u => new UnitReportTask(u.Code, u.FullName, period.Code, period.Label, due, due < today)).ToList();
    }

    private static async Task<List<InspectionWork>> InspectionsAsync(AppDbContext db, UserScope scope, DateOnly today, CancellationToken ct)
    {
        var work = new List<InspectionWork>();
        var inspect = scope.PathsFor(Operation.Inspect);
        if (inspect.Count > 0)
        {
            var visits = await db.Inspections.AsNoTracking().WithinPaths(inspect, i => i.ScopePath).Where(i => i.VisitedOn == null)
                .OrderBy(i => i.PlannedOn).Take(10).Select(i => new { i.Id, i.Purpose, i.Inspectors, Unit = i.Unit!.FullName, i.PlannedOn }).ToListAsync(ct);
            work.AddRange(visits.Select(v => new InspectionWork(v.Id, "visit", v.Purpose ?? v.Inspectors, v.Unit, v.PlannedOn, v.PlannedOn < today)));
        }

        var close = scope.PathsFor(Operation.CloseFollowUp);
        if (close.Count > 0)
        {
            var followUps = await db.Set<InspectionTask>().AsNoTracking().Where(t => t.DoneOn == null)
                .Join(db.Inspections.AsNoTracking().WithinPaths(close, i => i.ScopePath), t => t.InspectionId, i => i.Id, (t, i) => new { i.Id, t.Text, Unit = i.Unit!.FullName, t.DueOn })
                .OrderBy(t => t.DueOn).Take(10).ToListAsync(ct);
            work.AddRange(followUps.Select(f => new InspectionWork(f.Id, "follow-up", f.Text, f.Unit, f.DueOn, f.DueOn < today)));
        }

        return work.OrderBy(w => w.DueOn).ToList();
    }
}
