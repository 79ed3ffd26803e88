namespace DanVan.Domain;

/// <summary>
/// The arithmetic of an appraisal. A member's total for an item is Σ weight × score / max, over Σ weight,
/// on a 0–100 scale. Per item: the raw mean of the totals and their spread (population standard deviation).
/// Per member: the mean and standard deviation of all totals they gave in the appraisal; an item's
/// normalised mean is the mean of its members' z-scores, so a lenient and a strict member weigh alike.
/// </summary>
public static class AppraisalMath
{
    /// <summary>A member is flagged as diverging when their total is this many points from the item's mean.</summary>
    public const decimal DivergenceGap = 15m;

    public sealed record CriterionSpec(int Id, decimal Weight, decimal MaxScore);

    public sealed record Score(string Member, int Item, int Criterion, decimal Value);

    public sealed record ItemResult(
        int Item, int MemberCount, decimal? RawMean, decimal? Spread, decimal? NormalisedZ, decimal? NormalisedScore,
        IReadOnlyDictionary<string, decimal> Totals, IReadOnlyList<string> Diverging, bool? Passes);

    /// <summary>The member's weighted total on 0–100, or null until every criterion is scored.</summary>
    public static decimal? Total(IReadOnlyList<CriterionSpec> criteria, IReadOnlyDictionary<int, decimal> scores)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        ArgumentNullException.ThrowIfNull(scores);
        if (criteria.Count == 0 || criteria.Any(c => !scores.ContainsKey(c.Id)))
        {
            return null;
        }

        var weights = criteria.Sum(c => c.Weight);
        var sum = criteria.Sum(c => c.Weight * scores[c.Id] / c.MaxScore);
        return Math.Round(sum / weights * 100m, 2);
    }

    public static IReadOnlyList<ItemResult> Results(IReadOnlyList<CriterionSpec> criteria, IEnumerable<Score> scores, IEnumerable<int> items, decimal threshold)
    {
        var totals = scores
            .GroupBy(s => (s.Member, s.Item))
            .Select(g => (g.Key.Member, g.Key.Item, Total: Total(criteria, g.ToDictionary(s => s.Criterion, s => s.Value))))
            .Where(t => t.Total is not null)
            .Select(t => (t.Member, t.Item, Total: t.Total!.Value))
            .ToList();

        var byMember = totals.GroupBy(t => t.Member).ToDictionary(g => g.Key, g =>
        {
            var (mean, sd) = MeanAndSd(g.Select(t => t.Total).ToList());
            return (Mean: mean, Sd: sd);
        });
        var (grandMean, grandSd) = MeanAndSd(totals.Select(t => t.Total).ToList());

        var results = new List<ItemResult>();
        foreach (var item in items)
        {
            var mine = totals.Where(t => t.Item == item).ToList();
            if (mine.Count == 0)
            {
                results.Add(new ItemResult(item, 0, null, null, null, null, new Dictionary<string, decimal>(), [], null));
                continue;
            }

            var (mean, sd) = MeanAndSd(mine.Select(t => t.Total).ToList());
            var z = mine.Average(t => byMember[t.Member].Sd == 0 ? 0m : (t.Total - byMember[t.Member].Mean) / byMember[t.Member].Sd);
            var diverging = mine.Where(t => Math.Abs(t.Total - mean) >= DivergenceGap).Select(t => t.Member).ToList();
            results.Add(new ItemResult(item, mine.Count, Math.Round(mean, 2), Math.Round(sd, 2), Math.Round(z, 3),
                Math.Round(grandMean + (grandSd * z), 2), mine.ToDictionary(t => t.Member, t => t.Total), diverging, mean >= threshold));
        }

        return results;
    }

    /// <summary>Mean and population standard deviation.</summary>
    public static (decimal Mean, decimal Sd) MeanAndSd(IReadOnlyList<decimal> values)
    {
        if (values.Count == 0)
        {
            return (0m, 0m);
        }

        var mean = values.Average();
        var variance = values.Sum(v => (v - mean) * (v - mean)) / values.Count;
        return (mean, (decimal)Math.Sqrt((double)variance));
    }

    /// <summary>
    /// A member may not appraise an initiative of their own unit (their home unit lies within the
    /// initiative's commune) or of their own organisation.
    /// </summary>
    public static bool IsConflicted(string? memberHomePath, int? memberOrganizationId, string initiativeScopePath, int? ownerOrganizationId) =>
        (memberHomePath is not null && (UnitPaths.Contains(initiativeScopePath, memberHomePath) || memberHomePath == initiativeScopePath))
        || (memberOrganizationId is not null && memberOrganizationId == ownerOrganizationId);
}
