namespace DanVan.Domain;

/// <summary>
/// An uploaded file's bytes kept in the database (Storage:Files = Database), so that replication and backups of the
/// database carry them and every node reads the same files. The name is the storage name the records point to.
/// </summary>
public class StoredFile
{
    public required string Name { get; set; }

    public required byte[] Content { get; set; }

    public long Size { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
