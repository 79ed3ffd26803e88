using DanVan.Domain;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DanVan.Features.Public;

/// <summary>
/// Anonymous visitors' copies of the public home, search and open data are kept and dropped when anything they show is
/// saved through the app (a model, a recognition, a comment, a survey answer…) — at most once every
/// <see cref="Options.Staleness"/> (30 s unless configured): at national size saves come several a second, and dropping
/// every public page on each of them meant most visitors met the uncached page. So a list shows a save within 30 s.
/// A minute's expiry bounds staleness after writes made outside the app (the command-line import, a restore).
/// </summary>
public sealed class PublicCache(IOutputCacheStore store, Microsoft.Extensions.Options.IOptions<PublicCache.Options> options, PublicCache.Evictions evictions,
    ILogger<PublicCache> log) : SaveChangesInterceptor
{
    public sealed class Options
    {
        /// <summary>How long a public list may go on showing what was there before a save (PublicCache:StalenessSeconds).</summary>
        public TimeSpan Staleness { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>With a read replica, how far behind it may be: the pages are dropped again after this long, so a
        /// copy made from the replica before it replayed the save does not stay for the minute.</summary>
        public TimeSpan? ReplicaLag { get; set; }
    }

    public const string Policy = "public";
    public const string Tag = "public";

    private static readonly HashSet<Type> Shown =
    [
        typeof(Initiative), typeof(Domain.Recognition), typeof(RecognitionDecision), typeof(CitizenComment), typeof(Survey), typeof(SurveyAnswer),
        typeof(Organization), typeof(ResultReport), typeof(EvidenceFile), typeof(IndicatorValue),
    ];

    public static void AddPolicy(OutputCacheOptions o) => o.AddPolicy(Policy, b => b
        .Expire(TimeSpan.FromMinutes(1))
        .SetVaryByQuery("*")
        .VaryByValue(_ => new KeyValuePair<string, string>("culture", System.Globalization.CultureInfo.CurrentUICulture.Name))
        .Tag(Tag));

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && context.ChangeTracker.Entries().Any(e => e.State != EntityState.Unchanged && Shown.Contains(e.Metadata.ClrType)))
        {
            if (options.Value.Staleness <= TimeSpan.Zero)
            {
                // Evicted before the write as well as after it, so no copy taken in between survives: see SavedChangesAsync.
                await store.EvictByTagAsync(Tag, cancellationToken);
            }

            pending = true;
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (pending)
        {
            pending = false;
            if (options.Value.Staleness > TimeSpan.Zero)
            {
                evictions.Request(options.Value.Staleness, options.Value.ReplicaLag ?? TimeSpan.Zero);
                return result;
            }

            await store.EvictByTagAsync(Tag, cancellationToken);
            if (options.Value.ReplicaLag is { } lag)
            {
                _ = EvictLaterAsync(store, lag, log);
            }
        }

        return result;
    }

    /// <summary>
    /// The node's drops of the public pages: the first save after a quiet spell drops them at once; the saves that follow
    /// within <see cref="Options.Staleness"/> ask for one drop at its end (after the save that asked has committed,
    /// and after a replica's lag, which is shorter). One timer at a time, whatever the number of saves.
    /// </summary>
    public sealed class Evictions(IOutputCacheStore store, TimeProvider clock, ILogger<Evictions> log)
    {
        private readonly Lock _gate = new();
        private DateTimeOffset _last = DateTimeOffset.MinValue;
        private bool _scheduled;

        public void Request(TimeSpan staleness, TimeSpan replicaLag)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var now = clock.GetUtcNow();
                if (_scheduled)
                {
                    return;
                }

                _scheduled = true;
                wait = now - _last >= staleness ? replicaLag : _last + staleness - now;
                wait = wait < replicaLag ? replicaLag : wait;
            }

            _ = RunAsync(wait);
        }

        private async Task RunAsync(TimeSpan wait)
        {
            try
            {
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, clock);
                }
            }
            finally
            {
                lock (_gate)
                {
                    _scheduled = false;
                    _last = clock.GetUtcNow();
                }
            }

            try
            {
                await store.EvictByTagAsync(Tag, CancellationToken.None);
            }
            catch (Exception e)
            {
                log.LogWarning(e, "Could not drop the public pages");
            }
        }
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        SavingChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    private bool pending;

    /// <summary>Drops the public pages after a write made past the interceptor (a bulk import): now, and again after
    /// the replica's lag when there is one.</summary>
    public static async Task EvictAsync(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var store = services.GetRequiredService<IOutputCacheStore>();
        await store.EvictByTagAsync(Tag, CancellationToken.None);
        if (services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Options>>().Value.ReplicaLag is { } lag)
        {
            _ = EvictLaterAsync(store, lag, services.GetRequiredService<ILogger<PublicCache>>());
        }
    }

    private static async Task EvictLaterAsync(IOutputCacheStore store, TimeSpan lag, ILogger log)
    {
        try
        {
            await Task.Delay(lag);
            await store.EvictByTagAsync(Tag, CancellationToken.None);
        }
        catch (Exception e)
        {
            log.LogWarning(e, "Could not drop the public pages after the replica's lag");
        }
    }
}
