using System.Reflection;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DanVan.Data;

/// <summary>
/// SQL that EF Core's model cannot express (SQLite FTS5 and its triggers, PostgreSQL's GIN full-text index), kept as
/// embedded files per provider (Data/Sql/&lt;Provider&gt;.&lt;name&gt;.sql, one statement per line) so that the initial
/// migration and any later migration that rebuilds a table apply the very same text.
/// </summary>
public static class HandWrittenSql
{
    public const string Search = "search";

    /// <summary>The statements of one file for one provider.</summary>
    public static IReadOnlyList<string> Statements(DatabaseKind kind, string name)
    {
        var resource = $"DanVan.Data.Sql.{kind}.{name}.sql";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"No embedded SQL {resource}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n').Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith("--", StringComparison.Ordinal)).ToList();
    }

    /// <summary>Adds the file's statements to a migration.</summary>
    public static void Apply(MigrationBuilder migrationBuilder, DatabaseKind kind, string name)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        foreach (var statement in Statements(kind, name))
        {
            migrationBuilder.Sql(statement);
        }
    }
}
