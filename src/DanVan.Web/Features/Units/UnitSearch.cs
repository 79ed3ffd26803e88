using DanVan.Data;
using DanVan.Domain;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Units;

/// <summary>One unit a picker offers: the current-map code it stands for, and how it is shown.</summary>
public sealed record UnitHit(int Map, string Code, string FullName, string? Parents, int Level, string CurrentCode, string CurrentFullName, string CurrentPath);

/// <summary>
/// Search-as-you-type over both administrative maps (name with or without tone marks, đ as d, or code), for every unit
/// field. The map is public fact that changes only with a new map file, so it is held in memory: ~14 000 units,
/// a search is a scan of short folded strings (well under a millisecond).
/// </summary>
public sealed class UnitSearch(IServiceScopeFactory scopes) : IDisposable
{
    private sealed record Entry(UnitHit Hit, string Folded, string FoldedName, string SortKey);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private List<Entry>? _entries;
    private Dictionary<string, UnitHit>? _currentByCode;

    /// <summary>Units matching every word of the query, best first: exact code, then names starting with it, the 2025 map first.</summary>
    public async Task<List<UnitHit>> FindAsync(string? query, int? level, IReadOnlyList<string>? within, int limit, CancellationToken ct)
    {
        var entries = await EntriesAsync(ct);
        var q = VietnameseText.Fold(query);
        if (q.Length == 0)
        {
            return [];
        }

        var words = q.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return entries
            .Where(e => e.Hit.Code == q || words.All(w => e.Folded.Contains(w, StringComparison.Ordinal)))
            .Where(e => level is null || (e.Hit.Map == Maps.Current ? e.Hit.Level == level : (level == 1 ? e.Hit.Level == 1 : e.Hit.Level >= 2)))
            .Where(e => within is null || within.Any(p => UnitPaths.Contains(p, e.Hit.CurrentPath)))
            .OrderBy(e => e.Hit.Code == q ? 0 : e.FoldedName.StartsWith(q, StringComparison.Ordinal) ? 1 : e.FoldedName.Contains(q, StringComparison.Ordinal) ? 2 : 3)
            .ThenByDescending(e => e.Hit.Map)
            .ThenBy(e => e.Hit.Level)
            .ThenBy(e => e.SortKey, StringComparer.Ordinal)
            .Take(Math.Clamp(limit, 1, 50))
            .Select(e => e.Hit)
            .ToList();
    }

    /// <summary>How a current-map code is shown in a picker ("Xã Lương Bằng · Tỉnh Hưng Yên"); null when unknown.</summary>
    public async Task<string?> LabelAsync(string? code, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        await EntriesAsync(ct);
        return _currentByCode is not null && _currentByCode.TryGetValue(code.Trim(), out var hit) ? Label(hit) : null;
    }

    public void Dispose() => _gate.Dispose();

    public static string Label(UnitHit hit) => hit.Parents is null ? hit.FullName : $"{hit.FullName} · {hit.Parents}";

    private async Task<List<Entry>> EntriesAsync(CancellationToken ct)
    {
        if (_entries is { } ready)
        {
            return ready;
        }

        await _gate.WaitAsync(ct);
        try
        {
            if (_entries is not null)
            {
                return _entries;
            }

            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var units = await db.AdminUnits.AsNoTracking()
                .Select(u => new { u.Map, u.Code, u.Name, u.FullName, u.Level, u.ParentCode, u.Path, u.CurrentPath, u.SortKey }).ToListAsync(ct);
            var byKey = units.ToDictionary(u => (u.Map, u.Code));
            var currentByPath = units.Where(u => u.Map == Maps.Current).ToDictionary(u => u.Path);
            var entries = new List<Entry>(units.Count);
            foreach (var u in units)
            {
                var parents = new List<string>();
                for (var p = u.ParentCode; p is not null && byKey.TryGetValue((u.Map, p), out var parent); p = parent.ParentCode)
                {
                    parents.Add(parent.FullName);
                }

                // An old unit stands for the current unit it became (a district: the province it is now in).
                var current = u.Map == Maps.Current ? u : currentByPath.GetValueOrDefault(u.CurrentPath);
                if (current is null)
                {
                    continue;
                }

                var hit = new UnitHit(u.Map, u.Code, u.FullName, parents.Count == 0 ? null : string.Join(", ", parents), u.Level, current.Code, current.FullName, current.Path);
                entries.Add(new Entry(hit, VietnameseText.Fold($"{u.FullName} {string.Join(' ', parents)} {u.Code}"), VietnameseText.Fold(u.Name), u.SortKey));
            }

            if (entries.Count == 0)
            {
                return entries; // the map is not loaded yet: look again next time
            }

            _currentByCode = entries.Where(e => e.Hit.Map == Maps.Current).ToDictionary(e => e.Hit.Code, e => e.Hit);
            _entries = entries;
            return entries;
        }
        finally
        {
            _gate.Release();
        }
    }
}
