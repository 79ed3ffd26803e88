using System.IO.Compression;
using System.Security.Cryptography;
using DanVan.Domain;
using DanVan.Features.Initiatives;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Infrastructure;

/// <summary>Where uploaded files' bytes live (Storage:Files).</summary>
public enum FileStorage
{
    /// <summary>A directory of the node (Storage:Uploads): one node, or a shared volume.</summary>
    Local = 0,

    /// <summary>The database's StoredFiles table: replicated and backed up with the records; any node reads it.</summary>
    Database = 1,
}

/// <summary>
/// Uploaded files (evidence, nomination files, inspection photos, documents, queued import files), kept in a
/// directory outside the web root or in the database (Storage:Files). The type is decided by the content (magic
/// bytes, and for .docx/.xlsx the package parts), never by the name; on disk a file is written to a temporary name
/// and moved into place, so a failed upload leaves nothing half-written.
/// </summary>
public sealed class EvidenceStore(IConfiguration config, IWebHostEnvironment env, IServiceScopeFactory scopes)
{
    public long MaxBytes { get; } = config.GetValue("Storage:MaxUploadBytes", 10L * 1024 * 1024);

    /// <summary>The directory of files (Local) and, in either mode, of this node's thumbnails (made again when missing).</summary>
    public string Root { get; } = Path.GetFullPath(Path.Combine(env.ContentRootPath, config["Storage:Uploads"] ?? "data/uploads"));

    public FileStorage Storage { get; } = Enum.TryParse<FileStorage>(config["Storage:Files"], ignoreCase: true, out var s) ? s : FileStorage.Local;

    public static string ContentType(EvidenceKind kind) => kind switch
    {
        EvidenceKind.Jpeg => "image/jpeg",
        EvidenceKind.Png => "image/png",
        EvidenceKind.Webp => "image/webp",
        EvidenceKind.Gif => "image/gif",
        EvidenceKind.Pdf => "application/pdf",
        EvidenceKind.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        EvidenceKind.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    };

    public static bool IsImage(EvidenceKind kind) => kind is EvidenceKind.Jpeg or EvidenceKind.Png or EvidenceKind.Webp or EvidenceKind.Gif;

    private static readonly Dictionary<EvidenceKind, string[]> Extensions = new()
    {
        [EvidenceKind.Jpeg] = [".jpg", ".jpeg"], [EvidenceKind.Png] = [".png"], [EvidenceKind.Webp] = [".webp"], [EvidenceKind.Gif] = [".gif"],
        [EvidenceKind.Pdf] = [".pdf"], [EvidenceKind.Docx] = [".docx"], [EvidenceKind.Xlsx] = [".xlsx"],
    };

    /// <summary>The kind of a file from its first bytes and, for zip packages, its parts; null when not accepted.</summary>
    public static EvidenceKind? Detect(Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var head = new byte[16];
        content.Position = 0;
        var n = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        content.Position = 0;
        if (n >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
        {
            return EvidenceKind.Jpeg;
        }

        if (n >= 8 && head.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
        {
            return EvidenceKind.Png;
        }

        if (n >= 6 && (head.AsSpan(0, 6).SequenceEqual("GIF87a"u8) || head.AsSpan(0, 6).SequenceEqual("GIF89a"u8)))
        {
            return EvidenceKind.Gif;
        }

        if (n >= 12 && head.AsSpan(0, 4).SequenceEqual("RIFF"u8) && head.AsSpan(8, 4).SequenceEqual("WEBP"u8))
        {
            return EvidenceKind.Webp;
        }

        if (n >= 5 && head.AsSpan(0, 5).SequenceEqual("%PDF-"u8))
        {
            return EvidenceKind.Pdf;
        }

        if (n >= 4 && head.AsSpan(0, 4).SequenceEqual("PK\u0003\u0004"u8))
        {
            return DetectPackage(content);
        }

        return null;
    }

    /// <summary>
    /// A package (.docx, .xlsx) whose declared sizes are those of a real document: at most 2,000 parts, 200 MB
    /// unpacked and a 200:1 compression ratio per part. A zip bomb dressed as one fails before anything is unpacked.
    /// </summary>
    public static bool IsReasonable(ZipArchive zip) =>
        zip.Entries.Count <= 2000 && zip.Entries.Sum(e => e.Length) <= 200L * 1024 * 1024
        && !zip.Entries.Any(e => e.CompressedLength > 0 && e.Length / e.CompressedLength > 200);

    // An Office file is a zip; a zip bomb dressed as one is refused by its declared sizes.
    private static EvidenceKind? DetectPackage(Stream content)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            if (!IsReasonable(zip))
            {
                return null;
            }

            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            if (!names.Contains("[Content_Types].xml"))
            {
                return null;
            }

            return names.Contains("word/document.xml") ? EvidenceKind.Docx
                : names.Contains("xl/workbook.xml") ? EvidenceKind.Xlsx
                : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
        finally
        {
            content.Position = 0;
        }
    }

    /// <summary>
    /// Checks and stores an upload; returns the record to attach (not yet saved). With files in the database the bytes
    /// are added to <paramref name="into"/>, the caller's context, and saved with its record in the same transaction.
    /// </summary>
    public async Task<EvidenceFile> SaveAsync(IFormFile file, string? by, DateTimeOffset now, Data.AppDbContext into, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Length == 0)
        {
            throw DomainException.For("File", "Tệp rỗng (0 byte).");
        }

        if (file.Length > MaxBytes)
        {
            throw DomainException.For("File", $"Tệp quá lớn: tối đa {MaxBytes / 1024 / 1024} MB.");
        }

        var name = Path.GetFileName(file.FileName ?? "tep");
        if (name.Length > 200 || name.Any(char.IsControl))
        {
            throw DomainException.For("File", "Tên tệp không hợp lệ.");
        }

        await using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var kind = Detect(buffer) ?? throw DomainException.For("File",
            "Chỉ nhận ảnh (JPG, PNG, WEBP, GIF), PDF, Word (.docx) hoặc Excel (.xlsx); nội dung tệp không thuộc các loại này.");
        var ext = Path.GetExtension(name).ToLowerInvariant();
        if (!Extensions[kind].Contains(ext))
        {
            throw DomainException.For("File", $"Phần mở rộng \"{ext}\" không khớp với nội dung tệp ({Extensions[kind][0]}).");
        }

        var bytes = buffer.ToArray();
        // A few bytes claiming a huge picture (a decompression bomb) are refused here, before anyone decodes them.
        // (A real picture above the thumbnails' size is kept, and served only as itself.)
        if (IsImage(kind) && Features.Results.Thumbnails.Dimensions(bytes) is var (w, h) && !Features.Results.Thumbnails.Proportionate(w, h, bytes.LongLength))
        {
            throw DomainException.For("File", $"Ảnh hỏng: tệp {bytes.LongLength:N0} byte mà khai {w:N0} × {h:N0} điểm ảnh; hãy gửi lại ảnh gốc.");
        }

        var storage = Guid.NewGuid().ToString("N") + Extensions[kind][0];
        await WriteAsync(storage, bytes, into, ct);
        buffer.Position = 0;
        return new EvidenceFile
        {
            FileName = name,
            Kind = kind,
            Size = file.Length,
            StorageName = storage,
            Sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(buffer, ct)),
            UploadedAt = now,
            UploadedBy = by,
        };
    }

    /// <summary>
    /// Stores bytes under a storage name (a fresh one: files are never changed once written). In the database they are
    /// added to <paramref name="into"/> (saved with the caller's next save), or saved at once without a context.
    /// </summary>
    public async Task WriteAsync(string storageName, byte[] content, Data.AppDbContext? into, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        var name = Path.GetFileName(storageName);
        if (Storage == FileStorage.Database)
        {
            var row = new StoredFile { Name = name, Content = content, Size = content.LongLength, CreatedAt = DateTimeOffset.UtcNow };
            if (into is not null)
            {
                into.StoredFiles.Add(row);
                return;
            }

            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<Data.AppDbContext>();
            db.StoredFiles.Add(row);
            await db.SaveChangesAsync(ct);
            return;
        }

        var temp = Path.Combine(Root, name + ".part");
        try
        {
            Directory.CreateDirectory(Root);
            await File.WriteAllBytesAsync(temp, content, ct);
            File.Move(temp, Path.Combine(Root, name));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try
            {
                File.Delete(temp);
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
                // Nothing could be written there in the first place.
            }

            throw new DomainException("Không lưu được tệp (ổ lưu trữ đầy hoặc lỗi ghi). Tệp chưa được lưu; xin thử lại sau hoặc báo quản trị hệ thống.");
        }
    }

    /// <summary>A stored file's bytes, or null when it is not there.</summary>
    public async Task<byte[]?> ReadAsync(string storageName, CancellationToken ct)
    {
        var name = Path.GetFileName(storageName);
        if (Storage == FileStorage.Database)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<Data.AppDbContext>();
            return await db.StoredFiles.AsNoTracking().Where(f => f.Name == name).Select(f => f.Content).FirstOrDefaultAsync(ct);
        }

        var path = Path.Combine(Root, name);
        return File.Exists(path) ? await File.ReadAllBytesAsync(path, ct) : null;
    }

    /// <summary>The stored file as a response (a download when a name is given), or null when it is not there.</summary>
    public async Task<IResult?> ServeAsync(string storageName, string contentType, string? downloadName, CancellationToken ct)
    {
        if (Storage == FileStorage.Local)
        {
            var path = Path.Combine(Root, Path.GetFileName(storageName));
            return File.Exists(path) ? Microsoft.AspNetCore.Http.Results.File(path, contentType, downloadName) : null;
        }

        return await ReadAsync(storageName, ct) is { } bytes ? Microsoft.AspNetCore.Http.Results.Bytes(bytes, contentType, downloadName) : null;
    }

    /// <summary>Removes a stored file when the database did not take its record, or its record is gone; a copy still
    /// waiting in the caller's context (files in the database) is dropped from it too.</summary>
    public void Discard(EvidenceFile file, Data.AppDbContext? from = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        var name = Path.GetFileName(file.StorageName);
        foreach (var entry in from?.ChangeTracker.Entries<StoredFile>().Where(e => e.Entity.Name == name).ToList() ?? [])
        {
            entry.State = EntityState.Detached;
        }

        Delete(file.StorageName);
    }

    public void Delete(string storageName)
    {
        var name = Path.GetFileName(storageName);
        if (Storage == FileStorage.Database)
        {
            using var scope = scopes.CreateScope();
            scope.ServiceProvider.GetRequiredService<Data.AppDbContext>().StoredFiles.Where(f => f.Name == name).ExecuteDelete();
        }
        else
        {
            File.Delete(Path.Combine(Root, name));
        }

        // Its thumbnails go with it (a photo erased for privacy leaves no small copy behind).
        var thumbs = Path.Combine(Root, "thumbs");
        if (Directory.Exists(thumbs))
        {
            foreach (var t in Directory.EnumerateFiles(thumbs, Path.GetFileNameWithoutExtension(name) + "-*.jpg"))
            {
                File.Delete(t);
            }
        }
    }
}
