using DanVan.Domain;
using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace DanVan.Infrastructure;

/// <summary>
/// Vietnamese is the source language: the text in the code is the key. English translations live in
/// Resources/en.json (Vietnamese → English); a missing entry falls back to the Vietnamese text.
/// </summary>
public sealed class TextLocalizerFactory : IStringLocalizerFactory
{
    private readonly FrozenDictionary<string, string> _english;

    public TextLocalizerFactory(IWebHostEnvironment env)
    {
        var file = Path.Combine(AppContext.BaseDirectory, "Resources", "en.json");
        if (!File.Exists(file))
        {
            file = Path.Combine(env.ContentRootPath, "Resources", "en.json");
        }

        _english = File.Exists(file)
            ? (JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(file)) ?? []).ToFrozenDictionary(StringComparer.Ordinal)
            : FrozenDictionary<string, string>.Empty;
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _missing = new(StringComparer.Ordinal);

    public IStringLocalizer Create(Type resourceSource) => new TextLocalizer(_english, _missing);

    public IStringLocalizer Create(string baseName, string location) => new TextLocalizer(_english, _missing);

    public IReadOnlyDictionary<string, string> English => _english;

    /// <summary>Vietnamese text an English page asked for and en.json does not translate (the first 500), for the tests and the log.</summary>
    public IReadOnlyCollection<string> Missing => [.. _missing.Keys];
}

public sealed class TextLocalizer(FrozenDictionary<string, string> english, System.Collections.Concurrent.ConcurrentDictionary<string, byte>? missing = null) : IStringLocalizer
{
    public LocalizedString this[string name] => Translate(name);

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var t = Translate(name);
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, t.Value, arguments), t.ResourceNotFound);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        english.Select(kv => new LocalizedString(kv.Key, kv.Value));

    private LocalizedString Translate(string name)
    {
        if (CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en")
        {
            return english.TryGetValue(name, out var en) ? new LocalizedString(name, en)
                : Patterns.English(english, name) is { } built ? new LocalizedString(name, built)
                : Missed(name);
        }

        return new LocalizedString(name, name);
    }

    private LocalizedString Missed(string name)
    {
        if (missing is not null && missing.Count < 500 && name.Any(c => c > '\u007f'))
        {
            missing.TryAdd(name, 0);
        }

        return new LocalizedString(name, name, resourceNotFound: true);
    }
}

/// <summary>
/// Sentences with figures or names in them ("Đã lưu văn bản số {0}.", "quý {0}/{1}"): an entry whose key holds {0}, {1}…
/// translates any text of that shape, and each part it holds is itself translated ("Đã lưu báo cáo quý III/2026.").
/// </summary>
internal static class Patterns
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<FrozenDictionary<string, string>, List<(System.Text.RegularExpressions.Regex Key, string English)>> Cache = new();

    public static string? English(FrozenDictionary<string, string> english, string text, int depth = 0)
    {
        if (depth > 2 || text.Length > 2000)
        {
            return null;
        }

        var patterns = Cache.GetValue(english, d => d.Where(kv => kv.Key.Contains("{0}", StringComparison.Ordinal))
            .OrderByDescending(kv => kv.Key.Length)
            .Select(kv => (new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(kv.Key).Replace("\\{", "{", StringComparison.Ordinal)
                .Replace("{0}", "(?<p0>.+?)", StringComparison.Ordinal).Replace("{1}", "(?<p1>.+?)", StringComparison.Ordinal).Replace("{2}", "(?<p2>.+?)", StringComparison.Ordinal) + "$",
                System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50)), kv.Value)).ToList());
        foreach (var (key, value) in patterns)
        {
            var m = key.Match(text);
            if (!m.Success)
            {
                continue;
            }

            var parts = new object[3];
            for (var k = 0; k < 3; k++)
            {
                var part = m.Groups["p" + k.ToString(CultureInfo.InvariantCulture)].Value;
                parts[k] = english.TryGetValue(part, out var en) ? en : English(english, part, depth + 1) ?? part;
            }

            return string.Format(CultureInfo.InvariantCulture, value, parts);
        }

        return null;
    }
}

/// <summary>The one marker type pages inject: IStringLocalizer&lt;Text&gt;.</summary>
public sealed class Text;

public static class Cultures
{
    public static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    public static string Date(DateOnly? d) => d?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? string.Empty;

    public static string Date(DateTimeOffset? d) =>
        d is null ? string.Empty : VietnamClock.InVietnam(d.Value).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A figure on a page, as the page's language writes it: 1.234,5 in Vietnamese, 1,234.5 in English.</summary>
    public static string Number(decimal n) => n.ToString("#,##0.##", PageCulture);

    public static string Number(long n) => n.ToString("#,##0", PageCulture);

    /// <summary>A figure inside Vietnamese words (documents, the summary's sentences): always 1.234,5.</summary>
    public static string VietnameseNumber(decimal n) => n.ToString("#,##0.##", Vietnamese);

    public static string VietnameseNumber(long n) => n.ToString("#,##0", Vietnamese);

    private static CultureInfo PageCulture => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? English : Vietnamese;
}
