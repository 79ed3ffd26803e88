using Microsoft.AspNetCore.Http.HttpResults;
namespace DanVan.Infrastructure;

// The small answers of the API's writes, named so the OpenAPI document can describe them and clients can read them.

/// <summary>What was created: its id.</summary>
public sealed record CreatedId(int Id)
{
    /// <summary>201 with Location at the new item (<c>{collection}/{id}</c>, where a GET reads it).</summary>
    public static Created<CreatedId> At(string collection, int id) =>
        TypedResults.Created($"{collection}/{id.ToString(System.Globalization.CultureInfo.InvariantCulture)}", new CreatedId(id));
}

/// <summary>What was created or changed, and the version to send with the next change.</summary>
public sealed record IdAndVersion(int Id, int Version);

/// <summary>The version to send with the next change.</summary>
public sealed record VersionOnly(int Version);

/// <summary>What was created or changed, by its code.</summary>
public sealed record CodeOnly(string Code);

/// <summary>A file attached: its id, name as uploaded, kind and size in bytes.</summary>
public sealed record FileAttached(int Id, string FileName, string? Kind, long? Size);

/// <summary>A step of a nomination taken: its new status and version.</summary>
public sealed record StepTaken(int Id, string Status, int Version);

/// <summary>An import queued: follow it at its Location.</summary>
public sealed record ImportQueued(int Id, string Status);

/// <summary>A results file checked (dryRun) or imported: rows read, unit figures and model figures.</summary>
public sealed record ResultsImported(bool DryRun, int Rows, int UnitValues, int ModelValues);
