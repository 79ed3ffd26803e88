using DanVan.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DanVan.Data.Configurations;

internal sealed class AdminUnitConfiguration : IEntityTypeConfiguration<AdminUnit>
{
    public void Configure(EntityTypeBuilder<AdminUnit> b)
    {
        b.Property(x => x.Code).HasMaxLength(10);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.FullName).HasMaxLength(150);
        b.Property(x => x.Type).HasMaxLength(20);
        b.Property(x => x.ParentCode).HasMaxLength(10);
        b.Property(x => x.Path).HasMaxLength(40);
        b.Property(x => x.CurrentPath).HasMaxLength(40);
        b.Property(x => x.LegacyPath).HasMaxLength(40);
        b.Property(x => x.SortKey).HasMaxLength(300);
        b.Property(x => x.SearchText).HasMaxLength(150);
        b.HasIndex(x => new { x.Map, x.Code }).IsUnique();
        b.HasIndex(x => new { x.Map, x.Path });
        b.HasIndex(x => new { x.Map, x.ParentCode, x.SortKey });
        b.HasIndex(x => x.CurrentPath);
        b.HasOne(x => x.Parent).WithMany(x => x.Children).HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(x => x.IsProvince);
        b.Ignore(x => x.IsCommune);
        b.Ignore(x => x.IsDistrict);
    }
}

internal sealed class UnitSuccessionConfiguration : IEntityTypeConfiguration<UnitSuccession>
{
    public void Configure(EntityTypeBuilder<UnitSuccession> b)
    {
        b.Property(x => x.Note).HasMaxLength(300);
        b.HasOne(x => x.OldUnit).WithMany().HasForeignKey(x => x.OldUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.NewUnit).WithMany().HasForeignKey(x => x.NewUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.OldUnitId, x.NewUnitId }).IsUnique();
        b.HasIndex(x => x.NewUnitId);
    }
}

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> b)
    {
        b.Property(x => x.Name).HasMaxLength(300);
        b.Property(x => x.ScopePath).HasMaxLength(40);
        b.Property(x => x.Address).HasMaxLength(300);
        b.Property(x => x.Phone).HasMaxLength(30);
        b.Property(x => x.Email).HasMaxLength(200);
        b.Property(x => x.SortKey).HasMaxLength(700);
        b.Property(x => x.SearchText).HasMaxLength(300);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.ScopePath, x.SortKey });
        b.HasIndex(x => x.UnitId);
    }
}

internal sealed class InitiativeConfiguration : IEntityTypeConfiguration<Initiative>
{
    public void Configure(EntityTypeBuilder<Initiative> b)
    {
        b.Property(x => x.Code).HasMaxLength(50);
        b.Property(x => x.Name).HasMaxLength(300);
        // A syncing system reads what changed since a day, in the order of the day.
        b.HasIndex(x => new { x.ChangedOn, x.Id });
        b.Property(x => x.OriginNote).HasMaxLength(500);
        b.Property(x => x.OwnerName).HasMaxLength(200);
        b.Property(x => x.UnitPath).HasMaxLength(40);
        b.Property(x => x.ScopePath).HasMaxLength(40);
        b.Property(x => x.LegacyPath).HasMaxLength(40);
        b.Property(x => x.Summary).HasMaxLength(4000);
        b.Property(x => x.Goals).HasMaxLength(4000);
        b.Property(x => x.Method).HasMaxLength(4000);
        b.Property(x => x.RetiredReason).HasMaxLength(1000);
        b.Property(x => x.SortKey).HasMaxLength(700);
        b.Property(x => x.SearchText).HasMaxLength(800);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.CurrentUnit).WithMany().HasForeignKey(x => x.CurrentUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.OwnerOrganization).WithMany().HasForeignKey(x => x.OwnerOrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.ReplicatedFrom).WithMany().HasForeignKey(x => x.ReplicatedFromId).OnDelete(DeleteBehavior.Restrict);
        // Lists filter by subtree, then by year or the dimensions, and sort by name.
        // The summary report reads a subtree through one of these two covering indexes (2025 map, 2024 map) and
        // never touches the table: every column it counts by is in the index.
        b.HasIndex(x => new
        {
            x.ScopePath, x.RegisteredOn, x.Field, x.Kind, x.Origin, x.Status, x.RetiredOn, x.FirstRecognizedOn,
            x.CommuneRecognizedOn, x.DistrictRecognizedOn, x.ProvinceRecognizedOn, x.NationalRecognizedOn, x.OwnerType,
        }).HasDatabaseName("IX_Initiatives_Summary_Current");
        b.HasIndex(x => new
        {
            x.LegacyPath, x.RegisteredOn, x.Field, x.Kind, x.Origin, x.Status, x.RetiredOn, x.FirstRecognizedOn,
            x.CommuneRecognizedOn, x.DistrictRecognizedOn, x.ProvinceRecognizedOn, x.NationalRecognizedOn, x.ScopePath, x.OwnerType,
        }).HasDatabaseName("IX_Initiatives_Summary_Legacy");
        // Public search fetches every full-text match by id to count its facets: this narrow copy keyed by id holds all
        // it reads, so a match costs an index probe, not a read of the whole record.
        b.HasIndex(x => new { x.Id, x.HighestLevel, x.Status, x.HiddenFromPublic, x.Field, x.Kind, x.FirstRecognizedOn, x.CurrentUnitId, x.ScopePath })
            .HasDatabaseName("IX_Initiatives_PublicFacets");
        b.HasIndex(x => new { x.ScopePath, x.SortKey });
        b.HasIndex(x => new { x.UnitPath, x.RegisteredOn });
        // The public home lists the latest recognised models.
        b.HasIndex(x => x.FirstRecognizedOn);
        b.HasIndex(x => new { x.UnitId, x.Code }).IsUnique();
        // Partial: most records have no source and no round. With the NULLs indexed, SQLite's statistics say one value
        // covers every row, and its planner then scans the table for "the copies of record N" (250 ms at 1M rows).
        b.HasIndex(x => x.ReplicatedFromId).HasFilter("\"ReplicatedFromId\" IS NOT NULL");
        b.HasIndex(x => x.OwnerOrganizationId);
        // Few models carry target groups: counting and filtering by them reads only those.
        b.HasIndex(x => new { x.ScopePath, x.TargetGroups, x.RegisteredOn, x.Status, x.RetiredOn }).HasFilter("\"TargetGroups\" <> 0");
        b.HasIndex(x => x.CampaignId).HasFilter("\"CampaignId\" IS NOT NULL");
        b.HasOne(x => x.Campaign).WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.UserName).HasMaxLength(256);
        b.Property(x => x.IpAddress).HasMaxLength(64);
        b.Property(x => x.Action).HasMaxLength(50);
        b.Property(x => x.EntityType).HasMaxLength(100);
        b.Property(x => x.EntityId).HasMaxLength(100);
        b.HasIndex(x => new { x.EntityType, x.EntityId, x.At });
        b.HasIndex(x => x.At);
    }
}

internal sealed class RoleGrantConfiguration : IEntityTypeConfiguration<RoleGrant>
{
    public void Configure(EntityTypeBuilder<RoleGrant> b)
    {
        b.Property(x => x.ScopePath).HasMaxLength(40);
        b.HasOne(x => x.User).WithMany(x => x.Grants).HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.UserId, x.Role, x.UnitId }).IsUnique();
        b.HasIndex(x => x.ScopePath);
    }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> b)
    {
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Prefix).HasMaxLength(16);
        b.Property(x => x.Hash).HasMaxLength(64);
        b.HasIndex(x => x.Hash).IsUnique();
        b.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> b)
    {
        b.Property(x => x.Id).HasMaxLength(64);
        b.HasIndex(x => x.UserId);
        b.HasIndex(x => x.ExpiresAt);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IdempotentRequestConfiguration : IEntityTypeConfiguration<IdempotentRequest>
{
    public void Configure(EntityTypeBuilder<IdempotentRequest> b)
    {
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.Key).HasMaxLength(100);
        b.Property(x => x.Request).HasMaxLength(300);
        b.Property(x => x.BodyHash).HasMaxLength(64);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.Property(x => x.Location).HasMaxLength(300);
        // One claim per caller and key: a second request racing the first finds it taken, in the database itself.
        b.HasIndex(x => new { x.UserId, x.Key }).IsUnique();
        b.HasIndex(x => x.CreatedAt);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> b)
    {
        b.HasKey(x => x.Name);
        b.Property(x => x.Name).HasMaxLength(100);
    }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(x => x.FullName).HasMaxLength(200);
        b.Property(x => x.Culture).HasMaxLength(10);
        b.HasOne(x => x.HomeUnit).WithMany().HasForeignKey(x => x.HomeUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Organization).WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.SetNull);
    }
}
