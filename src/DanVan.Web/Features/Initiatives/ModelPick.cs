using System.Globalization;
using System.Text.RegularExpressions;
using DanVan.Data;
using DanVan.Domain;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Initiatives;

/// <summary>One model offered in a form's list: "Name — Unit (#id)" is what the box shows and posts back.</summary>
public sealed record ModelChoice(int Id, string Name, string UnitName)
{
    public string Label => $"{Name} — {UnitName} (#{Id.ToString(CultureInfo.InvariantCulture)})";
}

/// <summary>
/// Forms that name a model (an inspection, a nomination) let a person type its name and pick from a list, not remember
/// its number: the list holds the models the person can read, and what is typed — the list's label, the number, or the
/// name alone (tone marks optional) — is read back to one model, or a field error says why not.
/// </summary>
public static partial class ModelPick
{
    // The list's label ends "(#451)"; a number alone is "451" or "#451". A name's own parentheses — "Đèn đường (2025)" — are
    // no number: inside parentheses only "#" marks one.
    [GeneratedRegex(@"^(?:.*\(\s*#\s*(?<id>[0-9]{1,9})\s*\)|#?\s*(?<id>[0-9]{1,9}))$")]
    private static partial Regex Numbered();

    /// <summary>The model number written in what was typed — the label's "(#451)", or "451"/"#451" alone — or null for a name.</summary>
    public static int? NumberIn(string text) =>
        Numbered().Match(text.Trim()) is { Success: true } m ? int.Parse(m.Groups["id"].Value, CultureInfo.InvariantCulture) : null;

    public static async Task<List<ModelChoice>> ChoicesAsync(AppDbContext db, UserScope scope, CancellationToken ct) =>
        (await db.Initiatives.AsNoTracking().ReadableBy(scope, i => i.ScopePath).Where(i => i.Status != InitiativeStatus.Retired)
            .OrderByDescending(i => i.Id).Take(300).Select(i => new { i.Id, i.Name, Unit = i.CurrentUnit!.FullName }).ToListAsync(ct))
        .Select(i => new ModelChoice(i.Id, i.Name, i.Unit)).ToList();

    public static async Task<string?> LabelAsync(AppDbContext db, UserScope scope, int? id, CancellationToken ct) =>
        id is { } v ? (await db.Initiatives.AsNoTracking().ReadableBy(scope, i => i.ScopePath).Where(i => i.Id == v)
            .Select(i => new { i.Id, i.Name, Unit = i.CurrentUnit!.FullName }).ToListAsync(ct))
            .Select(i => new ModelChoice(i.Id, i.Name, i.Unit).Label).FirstOrDefault() : null;

    /// <summary>The model meant by what was typed: (null, null) when nothing was; (null, reason) when it names none or several.</summary>
    public static async Task<(int? Id, string? Error)> ResolveAsync(AppDbContext db, UserScope scope, string? typed, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var text = (typed ?? string.Empty).Trim();
        if (text.Length == 0)
        {
            return (null, null);
        }

        var readable = db.Initiatives.AsNoTracking().ReadableBy(scope, i => i.ScopePath);
        if (NumberIn(text) is { } id)
        {
            return await readable.AnyAsync(i => i.Id == id, ct) ? (id, null) : (null, $"Không có mô hình số hiệu {id} trong phạm vi của bạn.");
        }

        var folded = VietnameseText.Fold(text);
        var found = await readable.Where(i => i.SearchText.Contains(folded)).OrderBy(i => i.Id).Take(50).Select(i => new { i.Id, i.Name }).ToListAsync(ct);
        var exact = found.Where(i => VietnameseText.Fold(i.Name) == folded).ToList();
        var meant = exact.Count > 0 ? exact : found;
        return meant.Count switch
        {
            1 => (meant[0].Id, null),
            0 => (null, $"Không tìm thấy mô hình \"{text}\" trong phạm vi của bạn; gõ tên rồi chọn trong danh sách."),
            _ => (null, $"Có {meant.Count} mô hình khớp với \"{text}\"; chọn một trong danh sách."),
        };
    }
}
