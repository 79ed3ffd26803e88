using DanVan.Domain;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Data;

public static class Concurrency
{
    /// <summary>
    /// Optimistic concurrency for an edit: the version the editor read must still be the current one, and the save is
    /// conditioned on it too (a concurrent save between this check and ours fails in the database).
    /// </summary>
    public static void ExpectVersion<T>(this AppDbContext db, T entity, int versionRead)
        where T : class, IVersioned
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entity);
        db.Entry(entity).Property(e => e.Version).OriginalValue = versionRead;
        if (entity.Version != versionRead)
        {
            throw new DbUpdateConcurrencyException("Bản ghi vừa được người khác sửa.");
        }
    }
}
