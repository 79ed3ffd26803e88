using DanVan.Domain;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DanVan.Features.Public;

/// <summary>
/// Anonymous visitors' copies of the public home, search and open data are kept in memory and dropped as soon as
/// anything they show is saved through the app (a model, a recognition, a comment, a survey answer…). A minute's
/// expiry bounds staleness after writes made outside the app (the command-line import, a restore).
/// </summary>
public sealed class PublicCache(IOutputCacheStore store, Microsoft.Extensions.Options.IOptions<PublicCache.Options> options, ILogger<PublicCache> log) : SaveChangesInterceptor
{
    public sealed class Options
    {
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
            // Evicted before the write as well as after it, so no copy taken in between survives: see SavedChangesAsync.
            await store.EvictByTagAsync(Tag, cancellationToken);
            pending = true;
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (pending)
        {
            pending = false;
            await store.EvictByTagAsync(Tag, cancellationToken);
            if (options.Value.ReplicaLag is { } lag)
            {
                _ = EvictLaterAsync(store, lag, log);
            }
        }

        return result;
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
