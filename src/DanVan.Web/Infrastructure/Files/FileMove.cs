using DanVan.Data;
using DanVan.Domain;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Infrastructure;

/// <summary>
/// The <c>files move</c> command: copies every stored file from the directory to the database or back, checks each
/// copy's size, and only then removes the original (unless kept). Safe to run again after a stop: a file already at
/// the destination is not copied twice. Run it, then change Storage:Files and restart the nodes.
/// </summary>
public static partial class FileMove
{
    [System.Text.RegularExpressions.GeneratedRegex("^(import-)?[0-9a-f]{32}\\.[a-z]{3,4}$")]
    private static partial System.Text.RegularExpressions.Regex StorageName();

    public sealed record Moved(int Copied, int AlreadyThere, int Removed);

    private const int Batch = 50;

    public static async Task<Moved> ToDatabaseAsync(AppDbContext db, string root, bool keep, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!Directory.Exists(root))
        {
            return new Moved(0, 0, 0);
        }

        var there = (await db.StoredFiles.AsNoTracking().Select(f => new { f.Name, f.Size }).ToListAsync(ct)).ToDictionary(f => f.Name, f => f.Size, StringComparer.Ordinal);
        int copied = 0, already = 0, removed = 0;
        // The store's own files only (a generated name): thumbnails (thumbs/) are made again by each node, ".part" files
        // are unfinished uploads, and anything else an operator put in the directory is left alone.
        var files = Directory.EnumerateFiles(root).Where(f => StorageName().IsMatch(Path.GetFileName(f))).Order(StringComparer.Ordinal).ToList();
        foreach (var chunk in files.Chunk(Batch))
        {
            var done = new List<string>();
            foreach (var path in chunk)
            {
                var name = Path.GetFileName(path);
                var size = new FileInfo(path).Length;
                if (there.TryGetValue(name, out var stored))
                {
                    if (stored != size)
                    {
                        throw new InvalidOperationException($"{name}: {size} bytes on disk, {stored} in the database; resolve by hand.");
                    }

                    already++;
                    done.Add(path);
                    continue;
                }

                var content = await File.ReadAllBytesAsync(path, ct);
                db.StoredFiles.Add(new StoredFile { Name = name, Content = content, Size = content.LongLength, CreatedAt = File.GetLastWriteTimeUtc(path) });
                copied++;
                done.Add(path);
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            if (!keep)
            {
                foreach (var path in done)
                {
                    File.Delete(path);
                    removed++;
                }
            }
        }

        return new Moved(copied, already, removed);
    }

    public static async Task<Moved> ToDirectoryAsync(AppDbContext db, string root, bool keep, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        Directory.CreateDirectory(root);
        int copied = 0, already = 0, removed = 0;
        var names = await db.StoredFiles.AsNoTracking().OrderBy(f => f.Name).Select(f => f.Name).ToListAsync(ct);
        foreach (var chunk in names.Chunk(Batch))
        {
            var files = await db.StoredFiles.AsNoTracking().Where(f => chunk.Contains(f.Name)).ToListAsync(ct);
            foreach (var f in files)
            {
                var path = Path.Combine(root, Path.GetFileName(f.Name));
                if (File.Exists(path))
                {
                    if (new FileInfo(path).Length != f.Size)
                    {
                        throw new InvalidOperationException($"{f.Name}: {new FileInfo(path).Length} bytes on disk, {f.Size} in the database; resolve by hand.");
                    }

                    already++;
                    continue;
                }

                var temp = path + ".part";
                await File.WriteAllBytesAsync(temp, f.Content, ct);
                File.Move(temp, path);
                copied++;
            }

            if (!keep)
            {
                removed += await db.StoredFiles.Where(f => chunk.Contains(f.Name)).ExecuteDeleteAsync(ct);
            }
        }

        return new Moved(copied, already, removed);
    }
}
