using DanVan.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DanVan.Data.Configurations;

internal sealed class SurveyConfiguration : IEntityTypeConfiguration<Survey>
{
    public void Configure(EntityTypeBuilder<Survey> b)
    {
        b.Property(x => x.Question).HasMaxLength(300);
        b.Property(x => x.Key).HasMaxLength(32);
        b.Property(x => x.ScopePath).HasMaxLength(40);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Initiative).WithMany().HasForeignKey(x => x.InitiativeId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Answers).WithOne(x => x.Survey).HasForeignKey(x => x.SurveyId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.Key).IsUnique();
        b.HasIndex(x => x.InitiativeId);
        b.HasIndex(x => x.ScopePath);
    }
}

internal sealed class SurveyAnswerConfiguration : IEntityTypeConfiguration<SurveyAnswer>
{
    public void Configure(EntityTypeBuilder<SurveyAnswer> b)
    {
        b.Property(x => x.Device).HasMaxLength(32);
        // One answer per device per day, enforced by the database as well as the page.
        b.HasIndex(x => new { x.SurveyId, x.Device }).IsUnique();
        b.HasIndex(x => new { x.SurveyId, x.Satisfied });
        b.Property(x => x.Address).HasMaxLength(32);
        b.HasIndex(x => new { x.SurveyId, x.Address });
    }
}

internal sealed class CitizenCommentConfiguration : IEntityTypeConfiguration<CitizenComment>
{
    public void Configure(EntityTypeBuilder<CitizenComment> b)
    {
        b.Property(x => x.AuthorName).HasMaxLength(100);
        b.Property(x => x.Text).HasMaxLength(2000);
        b.Property(x => x.Reason).HasMaxLength(500);
        b.Property(x => x.ModeratedBy).HasMaxLength(256);
        b.Property(x => x.ScopePath).HasMaxLength(40);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Initiative).WithMany().HasForeignKey(x => x.InitiativeId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.InitiativeId, x.Status });
        b.HasIndex(x => new { x.ScopePath, x.Status });
    }
}
