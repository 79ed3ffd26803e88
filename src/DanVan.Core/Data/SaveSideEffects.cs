using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace DanVan.Data;

/// <summary>
/// What every save of <see cref="AppDbContext"/> does besides writing its rows — the one place it is said, in order:
/// <list type="number">
/// <item>the version of each changed <c>IVersioned</c> row goes up (optimistic concurrency: a stale edit is refused);</item>
/// <item>the audit trail: the before and after of each <c>IAudited</c> row, written with it (a bulk path that sets
/// <see cref="AppDbContext.SuppressAutoAudit"/> writes one line of its own instead);</item>
/// <item>the indicator rollup: the totals of the unit paths whose figures the save touched (<see cref="IndicatorRollup"/>);</item>
/// <item>(in the web app) the public pages' cached copies are dropped after the commit (<c>PublicCache</c>, registered with
/// the database in <c>AddDanVanDatabase</c>).</item>
/// </list>
/// Steps 2 and 3 need the ids of added rows, so the save runs in a transaction (the caller's, or one of its own) and
/// they follow it there. Bulk writers (<see cref="BulkInsert"/>) pass by all four: each says so and rebuilds what it
/// must (<see cref="IndicatorRollup.RebuildAsync"/>, the public cache's eviction) itself.
/// </summary>
/// <remarks>Registered by <see cref="AppDbContext"/> itself (OnConfiguring), so no context can save without it.</remarks>
public sealed class SaveSideEffects : SaveChangesInterceptor
{
    public static readonly SaveSideEffects Instance = new();

    /// <summary>What one save has captured before it runs.</summary>
    internal sealed class Pending(List<AppDbContext.PendingAudit> audits, IndicatorRollup.Touched? figures, IDbContextTransaction? ownTransaction)
    {
        public List<AppDbContext.PendingAudit> Audits { get; } = audits;

        public IndicatorRollup.Touched? Figures { get; } = figures;

        public IDbContextTransaction? OwnTransaction { get; } = ownTransaction;

        /// <summary>Set while the audit lines are saved, so that nested save does not start the steps again.</summary>
        public bool Nested { get; set; }
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is not AppDbContext db || db.SideEffects is { Nested: true })
        {
            return result;
        }

        // A save that ended without reaching SavedChanges or SaveChangesFailed (a stale version, a cancellation) must
        // not leave its transaction open for the next one.
        await ForgetAsync(db);
        db.BumpVersions();
        var audits = db.SuppressAutoAudit ? [] : db.CaptureAudited();
        var figures = IndicatorRollup.Capture(db.ChangeTracker);
        if (audits.Count > 0 || figures is not null)
        {
            // Added rows get their ids on save, so the audit lines and the figures' totals follow in the same transaction.
            var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            db.SideEffects = new Pending(audits, figures, own);
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is not AppDbContext db || db.SideEffects is not { Nested: false } pending)
        {
            return result;
        }

        try
        {
            pending.Nested = true;
            foreach (var p in pending.Audits)
            {
                db.Audit(p.Action, p.Entry.Metadata.ClrType.Name, ((Domain.IAudited)p.Entry.Entity).Id.ToString(System.Globalization.CultureInfo.InvariantCulture), p.Changes);
            }

            if (pending.Audits.Count > 0)
            {
                await db.SaveChangesAsync(cancellationToken);
            }

            if (pending.Figures is not null)
            {
                await IndicatorRollup.RefreshAsync(db, pending.Figures, cancellationToken);
            }

            if (pending.OwnTransaction is not null)
            {
                await pending.OwnTransaction.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            db.SideEffects = null;
            if (pending.OwnTransaction is not null)
            {
                await pending.OwnTransaction.DisposeAsync();
            }
        }

        return result;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is AppDbContext db)
        {
            await ForgetAsync(db);
        }
    }

    public override async Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is AppDbContext db)
        {
            await ForgetAsync(db);
        }
    }

    /// <summary>A stale version is thrown past SaveChangesFailed: the transaction this save opened is rolled back here.</summary>
    public override async ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(ConcurrencyExceptionEventData eventData, InterceptionResult result,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is AppDbContext db)
        {
            await ForgetAsync(db);
        }

        return result;
    }

    /// <summary>Drops what a save that did not finish had captured, rolling back the transaction it opened.</summary>
    private static async Task ForgetAsync(AppDbContext db)
    {
        if (db.SideEffects is { Nested: false } pending)
        {
            db.SideEffects = null;
            if (pending.OwnTransaction is not null)
            {
                await pending.OwnTransaction.DisposeAsync();
            }
        }
    }
}
