using DanVan.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DanVan.Data.Configurations;

internal sealed class CommitteeConfiguration : IEntityTypeConfiguration<SteeringCommittee>
{
    public void Configure(EntityTypeBuilder<SteeringCommittee> b)
    {
        b.Property(x => x.Name).HasMaxLength(300);
        b.Property(x => x.ScopePath).HasMaxLength(40);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Members).WithOne(x => x.Committee).HasForeignKey(x => x.CommitteeId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.ScopePath);
    }
}

internal sealed class CommitteeMemberConfiguration : IEntityTypeConfiguration<CommitteeMember>
{
    public void Configure(EntityTypeBuilder<CommitteeMember> b)
    {
        b.Property(x => x.FullName).HasMaxLength(200);
        b.Property(x => x.Position).HasMaxLength(200);
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.FollowsFields).HasMaxLength(200);
        b.Property(x => x.FollowsUnits).HasMaxLength(2000);
    }
}

internal sealed class TeamConfiguration : IEntityTypeConfiguration<MobilisationTeam>
{
    public void Configure(EntityTypeBuilder<MobilisationTeam> b)
    {
        b.Property(x => x.Name).HasMaxLength(300);
        b.Property(x => x.Village).HasMaxLength(200);
        b.Property(x => x.LeaderName).HasMaxLength(200);
        b.Property(x => x.ScopePath).HasMaxLength(40);
        b.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.ScopePath);
    }
}

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> b)
    {
        b.Property(x => x.Name).HasMaxLength(300);
        b.Property(x => x.Contact).HasMaxLength(300);
        b.Property(x => x.ScopePath).HasMaxLength(40);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.CriteriaSet).WithMany().HasForeignKey(x => x.CriteriaSetId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Targets).WithOne(x => x.Campaign).HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.ScopePath);
    }
}

internal sealed class CampaignTargetConfiguration : IEntityTypeConfiguration<CampaignTarget>
{
    public void Configure(EntityTypeBuilder<CampaignTarget> b)
    {
        b.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.CampaignId, x.UnitId, x.Field }).IsUnique();
    }
}

internal sealed class CriteriaSetConfiguration : IEntityTypeConfiguration<CriteriaSet>
{
    public void Configure(EntityTypeBuilder<CriteriaSet> b)
    {
        b.Property(x => x.Name).HasMaxLength(300);
        b.Property(x => x.ScopePath).HasMaxLength(40);
        b.Property(x => x.PassThreshold).HasPrecision(6, 2);
        b.Ignore(x => x.TotalWeight);
        b.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Criteria).WithOne().HasForeignKey(x => x.CriteriaSetId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.ScopePath);
    }
}

internal sealed class CriterionConfiguration : IEntityTypeConfiguration<Criterion>
{
    public void Configure(EntityTypeBuilder<Criterion> b)
    {
        b.Property(x => x.Name).HasMaxLength(500);
        b.Property(x => x.Weight).HasPrecision(8, 2);
        b.Property(x => x.MaxScore).HasPrecision(8, 2);
    }
}

internal sealed class MeasureUnitConfiguration : IEntityTypeConfiguration<MeasureUnit>
{
    public void Configure(EntityTypeBuilder<MeasureUnit> b)
    {
        b.Property(x => x.Name).HasMaxLength(50);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.HasIndex(x => x.Name).IsUnique();
    }
}

internal sealed class ResultReportConfiguration : IEntityTypeConfiguration<ResultReport>
{
    public void Configure(EntityTypeBuilder<ResultReport> b)
    {
        b.Property(x => x.Narrative).HasMaxLength(8000);
        b.Property(x => x.SubmittedBy).HasMaxLength(256);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.PeriodEnd);
        b.Ignore(x => x.PeriodLabel);
        b.HasOne(x => x.Initiative).WithMany().HasForeignKey(x => x.InitiativeId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Values).WithOne().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Evidence).WithOne().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Revisions).WithOne().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.InitiativeId, x.PeriodKind, x.PeriodStart }).IsUnique();
    }
}

internal sealed class IndicatorValueConfiguration : IEntityTypeConfiguration<IndicatorValue>
{
    public void Configure(EntityTypeBuilder<IndicatorValue> b)
    {
        b.Property(x => x.Indicator).HasMaxLength(300);
        b.Property(x => x.Value).HasPrecision(20, 4);
        b.HasOne(x => x.MeasureUnit).WithMany().HasForeignKey(x => x.MeasureUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.StandardIndicator).WithMany().HasForeignKey(x => x.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Category).HasMaxLength(30);
        b.Property(x => x.CanonicalValue).HasPrecision(24, 4);
        b.HasIndex(x => x.IndicatorId);
    }
}

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> b)
    {
        b.Property(x => x.Code).HasMaxLength(60);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Unit).HasMaxLength(30);
        b.Property(x => x.Categories).HasMaxLength(200);
        b.Property(x => x.ScopePath).HasMaxLength(100);
        b.HasIndex(x => x.Code).IsUnique();
        b.Ignore(x => x.CategoryList);
    }
}

internal sealed class UnitReportConfiguration : IEntityTypeConfiguration<UnitReport>
{
    public void Configure(EntityTypeBuilder<UnitReport> b)
    {
        b.Property(x => x.Period).HasMaxLength(7);
        b.Property(x => x.ScopePath).HasMaxLength(100);
        b.Property(x => x.LegacyPath).HasMaxLength(100);
        b.Property(x => x.Note).HasMaxLength(2000);
        b.Property(x => x.SubmittedBy).HasMaxLength(256);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Organization).WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Values).WithOne().HasForeignKey(v => v.ReportId).OnDelete(DeleteBehavior.Cascade);
        // One report per unit (or organisation), per period.
        b.HasIndex(x => new { x.UnitId, x.OrganizationId, x.Period }).IsUnique();
        b.HasIndex(x => new { x.ScopePath, x.PeriodStart });
        b.HasIndex(x => new { x.LegacyPath, x.PeriodStart });
    }
}

internal sealed class UnitReportValueConfiguration : IEntityTypeConfiguration<UnitReportValue>
{
    public void Configure(EntityTypeBuilder<UnitReportValue> b)
    {
        b.Property(x => x.Category).HasMaxLength(30);
        b.Property(x => x.Value).HasPrecision(24, 4);
        b.HasOne(x => x.Indicator).WithMany().HasForeignKey(x => x.IndicatorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EvidenceFileConfiguration : IEntityTypeConfiguration<EvidenceFile>
{
    public void Configure(EntityTypeBuilder<EvidenceFile> b)
    {
        b.Property(x => x.FileName).HasMaxLength(255);
        b.Property(x => x.StorageName).HasMaxLength(100);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.Property(x => x.UploadedBy).HasMaxLength(256);
        b.HasOne<Initiative>().WithMany().HasForeignKey(x => x.InitiativeId).OnDelete(DeleteBehavior.Restrict);
        b.ToTable(t => t.HasCheckConstraint("CK_EvidenceFiles_OneOwner", "(\"ReportId\" IS NULL) <> (\"InitiativeId\" IS NULL)"));
    }
}

internal sealed class ResultRevisionConfiguration : IEntityTypeConfiguration<ResultRevision>
{
    public void Configure(EntityTypeBuilder<ResultRevision> b) => b.Property(x => x.By).HasMaxLength(256);
}

internal sealed class AppraisalConfiguration : IEntityTypeConfiguration<Appraisal>
{
    public void Configure(EntityTypeBuilder<Appraisal> b)
    {
        b.Property(x => x.Name).HasMaxLength(300);
        b.Property(x => x.ScopePath).HasMaxLength(40);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.CriteriaSet).WithMany().HasForeignKey(x => x.CriteriaSetId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Items).WithOne(x => x.Appraisal).HasForeignKey(x => x.AppraisalId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Members).WithOne().HasForeignKey(x => x.AppraisalId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.ScopePath);
    }
}

internal sealed class AppraisalItemConfiguration : IEntityTypeConfiguration<AppraisalItem>
{
    public void Configure(EntityTypeBuilder<AppraisalItem> b)
    {
        b.Property(x => x.Conclusion).HasMaxLength(2000);
        b.Property(x => x.FieldVisitNotes).HasMaxLength(8000);
        b.HasOne(x => x.Initiative).WithMany().HasForeignKey(x => x.InitiativeId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Scores).WithOne().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Recusals).WithOne().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.AppraisalId, x.InitiativeId }).IsUnique();
        b.HasIndex(x => x.InitiativeId);
    }
}

internal sealed class AppraisalMemberConfiguration : IEntityTypeConfiguration<AppraisalMember>
{
    public void Configure(EntityTypeBuilder<AppraisalMember> b)
    {
        b.Property(x => x.UserId).HasMaxLength(450);
        b.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.AppraisalId, x.UserId }).IsUnique();
        b.HasIndex(x => x.UserId);
    }
}

internal sealed class AppraisalRecusalConfiguration : IEntityTypeConfiguration<AppraisalRecusal>
{
    public void Configure(EntityTypeBuilder<AppraisalRecusal> b)
    {
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.Reason).HasMaxLength(1000);
        b.HasIndex(x => new { x.ItemId, x.UserId }).IsUnique();
    }
}

internal sealed class AppraisalScoreConfiguration : IEntityTypeConfiguration<AppraisalScore>
{
    public void Configure(EntityTypeBuilder<AppraisalScore> b)
    {
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.Value).HasPrecision(8, 2);
        b.Property(x => x.Comment).HasMaxLength(2000);
        b.HasIndex(x => new { x.ItemId, x.UserId, x.CriterionId }).IsUnique();
    }
}

internal sealed class RecognitionDecisionConfiguration : IEntityTypeConfiguration<RecognitionDecision>
{
    public void Configure(EntityTypeBuilder<RecognitionDecision> b)
    {
        b.Property(x => x.Number).HasMaxLength(50);
        b.Property(x => x.IssuingBody).HasMaxLength(300);
        b.Property(x => x.Signer).HasMaxLength(200);
        b.Property(x => x.ScopePath).HasMaxLength(40);
        b.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Recognitions).WithOne(x => x.Decision).HasForeignKey(x => x.DecisionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.ScopePath);
        // One number a year per issuer, held by the database too (two saves at once cannot both take it).
        b.Property(x => x.NumberKey).HasMaxLength(120);
        b.HasIndex(x => x.NumberKey).IsUnique();
    }
}

internal sealed class OutboxMailConfiguration : IEntityTypeConfiguration<OutboxMail>
{
    public void Configure(EntityTypeBuilder<OutboxMail> b)
    {
        b.Property(x => x.To).HasMaxLength(256);
        b.Property(x => x.ToName).HasMaxLength(200);
        b.Property(x => x.Subject).HasMaxLength(300);
        b.Property(x => x.ClaimedBy).HasMaxLength(200);
        b.Property(x => x.LastError).HasMaxLength(1000);
        b.HasIndex(x => new { x.SentAtMs, x.Id });
    }
}

internal sealed class RecognitionConfiguration : IEntityTypeConfiguration<Recognition>
{
    public void Configure(EntityTypeBuilder<Recognition> b)
    {
        b.HasOne(x => x.Initiative).WithMany(x => x.Recognitions).HasForeignKey(x => x.InitiativeId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.InitiativeId, x.Level }).IsUnique();
    }
}

internal sealed class ReviewDecisionConfiguration : IEntityTypeConfiguration<ReviewDecision>
{
    public void Configure(EntityTypeBuilder<ReviewDecision> b)
    {
        b.Property(x => x.Reason).HasMaxLength(2000);
        b.Property(x => x.By).HasMaxLength(256);
        b.HasOne(x => x.Initiative).WithMany().HasForeignKey(x => x.InitiativeId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.InitiativeId, x.On });
    }
}

internal sealed class ConferenceConfiguration : IEntityTypeConfiguration<Conference>
{
    public void Configure(EntityTypeBuilder<Conference> b)
    {
        b.Property(x => x.Name).HasMaxLength(300);
        b.Property(x => x.Phase).HasMaxLength(50);
        b.Property(x => x.ScopePath).HasMaxLength(40);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Awards).WithOne(x => x.Conference).HasForeignKey(x => x.ConferenceId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.ScopePath);
    }
}

internal sealed class AwardConfiguration : IEntityTypeConfiguration<Award>
{
    public void Configure(EntityTypeBuilder<Award> b)
    {
        b.Property(x => x.Recipient).HasMaxLength(300);
        b.Property(x => x.Title).HasMaxLength(300);
        b.HasOne(x => x.Initiative).WithMany().HasForeignKey(x => x.InitiativeId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.ConferenceId, x.InitiativeId, x.RecipientKind }).IsUnique();
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.Text).HasMaxLength(1000);
        b.Property(x => x.Link).HasMaxLength(500);
        b.HasIndex(x => new { x.UserId, x.ReadAt, x.Id });
    }
}

internal sealed class ImportJobConfiguration : IEntityTypeConfiguration<ImportJob>
{
    public void Configure(EntityTypeBuilder<ImportJob> b)
    {
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.UserName).HasMaxLength(256);
        b.Property(x => x.FileName).HasMaxLength(255);
        b.Property(x => x.StoredFile).HasMaxLength(300);
        b.Property(x => x.ClaimedBy).HasMaxLength(200);
        b.HasIndex(x => new { x.Status, x.Id });
    }
}

internal sealed class IndicatorTotalConfiguration : IEntityTypeConfiguration<IndicatorTotal>
{
    public void Configure(EntityTypeBuilder<IndicatorTotal> b)
    {
        b.Property(x => x.ScopePath).HasMaxLength(100);
        b.Property(x => x.LegacyPath).HasMaxLength(100);
        b.Property(x => x.Category).HasMaxLength(30);
        // Covering: the summary reads a subtree's rows from the index alone, on either map.
        b.HasIndex(x => new { x.ScopePath, x.PeriodStart, x.PeriodEnd, x.CoverStart, x.CoverEnd, x.NextEnd, x.IndicatorId, x.Category, x.Source, x.InTotal, x.Whole, x.Millionths })
            .HasDatabaseName("IX_IndicatorTotals_Scope");
        b.HasIndex(x => new { x.LegacyPath, x.PeriodStart, x.PeriodEnd, x.CoverStart, x.CoverEnd, x.NextEnd, x.IndicatorId, x.Category, x.Source, x.InTotal, x.Whole, x.Millionths })
            .HasDatabaseName("IX_IndicatorTotals_Legacy");
    }
}

internal sealed class AwardFormConfiguration : IEntityTypeConfiguration<AwardForm>
{
    public void Configure(EntityTypeBuilder<AwardForm> b)
    {
        b.Property(x => x.Code).HasMaxLength(40);
        b.Property(x => x.Name).HasMaxLength(300);
        b.Property(x => x.Title).HasMaxLength(60);
        b.Property(x => x.IssuingBody).HasMaxLength(300);
        b.Property(x => x.ScopePath).HasMaxLength(40);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.ScopePath, x.Code }).IsUnique();
    }
}

internal sealed class AwardDecisionConfiguration : IEntityTypeConfiguration<AwardDecision>
{
    public void Configure(EntityTypeBuilder<AwardDecision> b)
    {
        b.Property(x => x.Number).HasMaxLength(50);
        b.Property(x => x.IssuingBody).HasMaxLength(300);
        b.Property(x => x.Signer).HasMaxLength(200);
        b.Property(x => x.ScopePath).HasMaxLength(40);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Form).WithMany().HasForeignKey(x => x.FormId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Recipients).WithOne(r => r.Decision).HasForeignKey(r => r.DecisionId).OnDelete(DeleteBehavior.Cascade);
        // One number per issuing body and year.
        b.HasIndex(x => new { x.ScopePath, x.IssuingBody, x.Number, x.DecidedOn });
        b.Property(x => x.NumberKey).HasMaxLength(420);
        b.HasIndex(x => x.NumberKey).IsUnique();
        b.HasIndex(x => x.DecidedOn);
    }
}

internal sealed class AwardRecipientConfiguration : IEntityTypeConfiguration<AwardRecipient>
{
    public void Configure(EntityTypeBuilder<AwardRecipient> b)
    {
        b.Property(x => x.Name).HasMaxLength(300);
        b.Property(x => x.ScopePath).HasMaxLength(40);
        b.Property(x => x.LegacyPath).HasMaxLength(40);
        b.Property(x => x.Achievement).HasMaxLength(2000);
        b.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Initiative).WithMany().HasForeignKey(x => x.InitiativeId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.ScopePath, x.DecisionId });
        b.HasIndex(x => new { x.LegacyPath, x.DecisionId });
        b.HasIndex(x => x.InitiativeId);
    }
}

internal sealed class NominationConfiguration : IEntityTypeConfiguration<Nomination>
{
    public void Configure(EntityTypeBuilder<Nomination> b)
    {
        b.Property(x => x.ScopePath).HasMaxLength(40);
        b.Property(x => x.HolderPath).HasMaxLength(40);
        b.Property(x => x.RecipientName).HasMaxLength(300);
        b.Property(x => x.Achievements).HasMaxLength(8000);
        b.Property(x => x.ReturnReason).HasMaxLength(2000);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Form).WithMany().HasForeignKey(x => x.FormId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Initiative).WithMany().HasForeignKey(x => x.InitiativeId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Steps).WithOne().HasForeignKey(s => s.NominationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Attachments).WithOne().HasForeignKey(a => a.NominationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Round).WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.ScopePath, x.Status });
        b.HasIndex(x => new { x.HolderPath, x.Status });
    }
}

internal sealed class NominationStepConfiguration : IEntityTypeConfiguration<NominationStep>
{
    public void Configure(EntityTypeBuilder<NominationStep> b)
    {
        b.Property(x => x.Action).HasMaxLength(20);
        b.Property(x => x.FromPath).HasMaxLength(40);
        b.Property(x => x.ToPath).HasMaxLength(40);
        b.Property(x => x.By).HasMaxLength(256);
        b.Property(x => x.Note).HasMaxLength(2000);
    }
}

internal sealed class NominationAttachmentConfiguration : IEntityTypeConfiguration<NominationAttachment>
{
    public void Configure(EntityTypeBuilder<NominationAttachment> b)
    {
        b.Property(x => x.FileName).HasMaxLength(255);
        b.Property(x => x.StorageName).HasMaxLength(100);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.Property(x => x.UploadedBy).HasMaxLength(256);
    }
}

internal sealed class NominationRoundConfiguration : IEntityTypeConfiguration<NominationRound>
{
    public void Configure(EntityTypeBuilder<NominationRound> b)
    {
        b.Property(x => x.Name).HasMaxLength(300);
        b.Property(x => x.ScopePath).HasMaxLength(40);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.ScopePath, x.ClosesOn });
    }
}

internal sealed class MovementDocumentConfiguration : IEntityTypeConfiguration<MovementDocument>
{
    public void Configure(EntityTypeBuilder<MovementDocument> b)
    {
        b.Property(x => x.Number).HasMaxLength(60);
        b.Property(x => x.Issuer).HasMaxLength(300);
        b.Property(x => x.Title).HasMaxLength(1000);
        b.Property(x => x.ScopePath).HasMaxLength(40);
        b.Property(x => x.SearchText).HasMaxLength(1400);
        b.Property(x => x.FileName).HasMaxLength(255);
        b.Property(x => x.StorageName).HasMaxLength(100);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.Property(x => x.Governs).HasMaxLength(2000);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.ScopePath, x.IssuedOn });
        b.HasIndex(x => new { x.IsPublic, x.IssuedOn });
    }
}

internal sealed class InspectionConfiguration : IEntityTypeConfiguration<Inspection>
{
    public void Configure(EntityTypeBuilder<Inspection> b)
    {
        b.Property(x => x.ScopePath).HasMaxLength(40);
        b.Property(x => x.Inspectors).HasMaxLength(500);
        b.Property(x => x.Purpose).HasMaxLength(1000);
        b.Property(x => x.Findings).HasMaxLength(8000);
        b.Property(x => x.PlannedBy).HasMaxLength(256);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Initiative).WithMany().HasForeignKey(x => x.InitiativeId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Tasks).WithOne().HasForeignKey(t => t.InspectionId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Photos).WithOne().HasForeignKey(p => p.InspectionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.ScopePath, x.PlannedOn });
        b.HasIndex(x => new { x.InitiativeId, x.VisitedOn });
    }
}

internal sealed class InspectionTaskConfiguration : IEntityTypeConfiguration<InspectionTask>
{
    public void Configure(EntityTypeBuilder<InspectionTask> b)
    {
        b.Property(x => x.Text).HasMaxLength(1000);
        b.Property(x => x.DoneNote).HasMaxLength(1000);
        b.HasIndex(x => new { x.DueOn, x.DoneOn });
    }
}

internal sealed class InspectionPhotoConfiguration : IEntityTypeConfiguration<InspectionPhoto>
{
    public void Configure(EntityTypeBuilder<InspectionPhoto> b)
    {
        b.Property(x => x.FileName).HasMaxLength(255);
        b.Property(x => x.StorageName).HasMaxLength(100);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.Property(x => x.UploadedBy).HasMaxLength(256);
    }
}
