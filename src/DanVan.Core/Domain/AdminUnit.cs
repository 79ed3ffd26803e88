namespace DanVan.Domain;

public static class Maps
{
    /// <summary>The three-tier map in force until 30/06/2025.</summary>
    public const int Map2024 = 2024;

    /// <summary>The two-tier map in force since 01/07/2025.</summary>
    public const int Map2025 = 2025;

    public const int Current = Map2025;

    public static bool IsKnown(int map) => map is Map2024 or Map2025;

    /// <summary>The map in force on a day.</summary>
    public static int InForceOn(DateOnly day) => day < new DateOnly(2025, 7, 1) ? Map2024 : Map2025;
}

/// <summary>An administrative unit of one map version. Identity is (Map, Code): codes repeat across maps.</summary>
public class AdminUnit
{
    public int Id { get; set; }

    public int Map { get; set; }

    public required string Code { get; set; }

    public required string Name { get; set; }

    public required string FullName { get; set; }

    /// <summary>tỉnh, thành phố, quận, huyện, thị xã, xã, phường, thị trấn, đặc khu.</summary>
    public required string Type { get; set; }

    /// <summary>1 province, 2 district (2024) or commune (2025), 3 commune (2024).</summary>
    public int Level { get; set; }

    public int? ParentId { get; set; }

    public AdminUnit? Parent { get; set; }

    public string? ParentCode { get; set; }

    /// <summary>Materialised path of codes, e.g. "/01/001/00001/": a subtree is a range of paths.</summary>
    public required string Path { get; set; }

    /// <summary>
    /// Path of the unit in the current (2025) map that this unit's records count under:
    /// itself for 2025 units, the successor for 2024 units (see <see cref="UnitSuccession"/>).
    /// </summary>
    public required string CurrentPath { get; set; }

    /// <summary>Where this unit's records count today (the 2025 map): the one statement of that choice.</summary>
    public string CountsUnder => Map == Maps.Current ? Path : CurrentPath;

    /// <summary>
    /// Path in the 2024 map that this unit's records count under when a report is asked on that map:
    /// itself for 2024 units, a chosen predecessor for 2025 units (see MapSeeder).
    /// </summary>
    public string LegacyPath { get; set; } = string.Empty;

    /// <summary>True when a 2024 unit was split and <see cref="CurrentPath"/> was chosen by rule.</summary>
    public bool CurrentPathByRule { get; set; }

    public required string SortKey { get; set; }

    public required string SearchText { get; set; }

    public DateOnly? ValidFrom { get; set; }

    public DateOnly? ValidTo { get; set; }

    public List<AdminUnit> Children { get; set; } = [];

    public bool IsProvince => Level == 1;

    public bool IsCommune => (Map == Maps.Map2025 && Level == 2) || (Map == Maps.Map2024 && Level == 3);

    public bool IsDistrict => Map == Maps.Map2024 && Level == 2;
}

public enum SuccessionRelation
{
    Full = 0,
    Partial = 1,
}

/// <summary>An old (2024) unit that went, wholly or in part, into a new (2025) unit on 01/07/2025.</summary>
public class UnitSuccession
{
    public int Id { get; set; }

    public int OldUnitId { get; set; }

    public AdminUnit? OldUnit { get; set; }

    public int NewUnitId { get; set; }

    public AdminUnit? NewUnit { get; set; }

    public SuccessionRelation Relation { get; set; }

    /// <summary>The statistics office's note (Nhập toàn bộ, Nhập một phần, Giữ nguyên…).</summary>
    public string? Note { get; set; }
}

/// <summary>Subtree arithmetic on materialised paths, shared by every scoped query.</summary>
public static class UnitPaths
{
    /// <summary>The exclusive upper bound of the subtree whose paths start with <paramref name="path"/>.</summary>
    public static string UpperBound(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        // Paths end with '/', and '0' is the character after '/', so [path, bound) is exactly the subtree.
        return path[..^1] + (char)(path[^1] + 1);
    }

    public static bool Contains(string ancestorPath, string path) =>
        path.StartsWith(ancestorPath, StringComparison.Ordinal);

    /// <summary>The province's path within a path ("/33/12280/" → "/33/"); "/" stays "/".</summary>
    public static string Province(string path)
    {
        var end = path.IndexOf('/', 1);
        return end < 0 ? "/" : path[..(end + 1)];
    }
}
