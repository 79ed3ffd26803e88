using DanVan.Data;
using DanVan.Domain;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Units;

/// <summary>
/// A unit as people write it in a form line or a file: its code, or its name ("Xã Lương Bằng", "Lương Bằng"; without tone
/// marks too) among the units the caller may name there. Several of that name: none, and Ambiguous, for the row to ask
/// for the code.
/// </summary>
public static class UnitNames
{
    public static async Task<(AdminUnit? Unit, bool Ambiguous)> FindAsync(AppDbContext db, Func<string, bool> mayName, int map, string? text, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(mayName);
        var typed = (text ?? string.Empty).Trim();
        var byCode = await db.AdminUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Map == map && u.Code == typed, ct);
        if (byCode is not null || typed.All(char.IsAsciiDigit))
        {
            return (byCode, false);
        }

        var folded = VietnameseText.Fold(typed).Trim();
        if (folded.Length < 2)
        {
            return (null, false);
        }

        var suffix = " " + folded;
        var named = (await db.AdminUnits.AsNoTracking().Where(u => u.Map == map && (u.SearchText == folded || u.SearchText.EndsWith(suffix)))
            .Take(50).ToListAsync(ct)).Where(u => mayName(u.CountsUnder)).ToList();
        return named.Count == 1 ? (named[0], false) : (null, named.Count > 1);
    }
}
