using System.Text.Json;
using DanVan.Domain;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace DanVan.Data;

public class AppDbContext(DbContextOptions<AppDbContext> options, ICurrentActor? actor = null, TimeProvider? clock = null)
    : IdentityDbContext<AppUser>(options), Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.IDataProtectionKeyContext
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    // Audit lines keep Vietnamese readable in the database rather than \u-escaped.
    private static readonly JsonSerializerOptions AuditJson = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public DbSet<AdminUnit> AdminUnits => Set<AdminUnit>();

    public DbSet<UnitSuccession> UnitSuccessions => Set<UnitSuccession>();

    public DbSet<Organization> Organizations => Set<Organization>();

    public DbSet<Initiative> Initiatives => Set<Initiative>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<RoleGrant> RoleGrants => Set<RoleGrant>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<UserSession> UserSessions => Set<UserSession>();

    public DbSet<IdempotentRequest> IdempotentRequests => Set<IdempotentRequest>();

    /// <summary>The data-protection key ring, shared by every node (ASP.NET Core's own EF Core store).</summary>
    public DbSet<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> DataProtectionKeys => Set<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>();

    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();

    public DbSet<SteeringCommittee> Committees => Set<SteeringCommittee>();

    public DbSet<CommitteeMember> CommitteeMembers => Set<CommitteeMember>();

    public DbSet<MobilisationTeam> Teams => Set<MobilisationTeam>();

    public DbSet<Campaign> Campaigns => Set<Campaign>();

    public DbSet<CampaignTarget> CampaignTargets => Set<CampaignTarget>();

    public DbSet<CriteriaSet> CriteriaSets => Set<CriteriaSet>();

    public DbSet<Criterion> Criteria => Set<Criterion>();

    public DbSet<MeasureUnit> MeasureUnits => Set<MeasureUnit>();

    public DbSet<ResultReport> ResultReports => Set<ResultReport>();

    public DbSet<IndicatorValue> IndicatorValues => Set<IndicatorValue>();

    public DbSet<Indicator> Indicators => Set<Indicator>();

    public DbSet<UnitReport> UnitReports => Set<UnitReport>();

    public DbSet<UnitReportValue> UnitReportValues => Set<UnitReportValue>();
    public DbSet<IndicatorTotal> IndicatorTotals => Set<IndicatorTotal>();
    public DbSet<AwardForm> AwardForms => Set<AwardForm>();
    public DbSet<AwardDecision> AwardDecisions => Set<AwardDecision>();
    public DbSet<AwardRecipient> AwardRecipients => Set<AwardRecipient>();
    public DbSet<Nomination> Nominations => Set<Nomination>();
    public DbSet<NominationStep> NominationSteps => Set<NominationStep>();
    public DbSet<NominationAttachment> NominationAttachments => Set<NominationAttachment>();
    public DbSet<NominationRound> NominationRounds => Set<NominationRound>();
    public DbSet<MovementDocument> MovementDocuments => Set<MovementDocument>();
    public DbSet<Inspection> Inspections => Set<Inspection>();
    public DbSet<InspectionTask> InspectionTasks => Set<InspectionTask>();
    public DbSet<InspectionPhoto> InspectionPhotos => Set<InspectionPhoto>();

    public DbSet<ResultRevision> ResultRevisions => Set<ResultRevision>();

    public DbSet<EvidenceFile> EvidenceFiles => Set<EvidenceFile>();

    public DbSet<Appraisal> Appraisals => Set<Appraisal>();

    public DbSet<AppraisalItem> AppraisalItems => Set<AppraisalItem>();

    public DbSet<AppraisalMember> AppraisalMembers => Set<AppraisalMember>();

    public DbSet<AppraisalRecusal> AppraisalRecusals => Set<AppraisalRecusal>();

    public DbSet<AppraisalScore> AppraisalScores => Set<AppraisalScore>();

    public DbSet<RecognitionDecision> RecognitionDecisions => Set<RecognitionDecision>();

    public DbSet<Recognition> Recognitions => Set<Recognition>();

    public DbSet<ReviewDecision> ReviewDecisions => Set<ReviewDecision>();

    public DbSet<Conference> Conferences => Set<Conference>();

    public DbSet<Award> Awards => Set<Award>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<ImportJob> ImportJobs => Set<ImportJob>();

    public DbSet<OutboxMail> OutboxMails => Set<OutboxMail>();

    public DbSet<Survey> Surveys => Set<Survey>();

    public DbSet<SurveyAnswer> SurveyAnswers => Set<SurveyAnswer>();

    public DbSet<CitizenComment> CitizenComments => Set<CitizenComment>();

    /// <summary>What this database writes differently (search, counting, operations): the only place features learn the provider.</summary>
    public Dialects.SqlDialect Dialect => _dialect ??= Dialects.SqlDialect.Of(Database);

    private Dialects.SqlDialect? _dialect;

    /// <summary>Bulk imports write one audit line for the whole import instead of one per record.</summary>
    public bool SuppressAutoAudit { get; set; }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

        Dialect.ConfigureModel(builder);
    }

    /// <summary>Writes an explicit audit line (sign-in, grant, import…) alongside the next save.</summary>
    public void Audit(string action, string entityType, string? entityId, object? details = null)
    {
        AuditEntries.Add(new AuditEntry
        {
            At = _clock.GetUtcNow(),
            UserId = actor?.UserId,
            UserName = actor?.UserName,
            IpAddress = actor?.IpAddress,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Changes = details is null ? null : JsonSerializer.Serialize(details, AuditJson),
        });
    }

    /// <summary>The side effects a save in progress has captured (see <see cref="SaveSideEffects"/>).</summary>
    internal SaveSideEffects.Pending? SideEffects { get; set; }

    /// <summary>While set (a bulk run, <see cref="IndicatorRollup.Defer"/>), saves collect what they touched here instead of recomputing the rollup each time.</summary>
    internal IndicatorRollup.Sources? DeferredRollup { get; set; }

    /// <summary>Every context saves with its side effects, however it was made (web app, command line, tests).</summary>
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);
        base.OnConfiguring(optionsBuilder);
        optionsBuilder.AddInterceptors(SaveSideEffects.Instance);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    internal void BumpVersions()
    {
        var today = VietnamClock.Today(_clock);
        foreach (var entry in ChangeTracker.Entries<Initiative>().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            entry.Entity.MarkChanged(today);
        }

        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State == EntityState.Modified)
            {
                entry.Entity.Version++;
            }
            else if (entry.State == EntityState.Added && entry.Entity.Version == 0)
            {
                entry.Entity.Version = 1;
            }
        }
    }

    internal sealed record PendingAudit(EntityEntry Entry, string Action, Dictionary<string, object?[]> Changes);

    internal List<PendingAudit> CaptureAudited()
    {
        var list = new List<PendingAudit>();
        foreach (var entry in ChangeTracker.Entries().Where(e => e.Entity is IAudited))
        {
            var changes = new Dictionary<string, object?[]>();
            string action;
            switch (entry.State)
            {
                case EntityState.Added:
                    action = "created";
                    foreach (var p in entry.Properties.Where(p => !IsDerived(p.Metadata.Name) && !p.Metadata.IsPrimaryKey() && p.CurrentValue is not null))
                    {
                        changes[p.Metadata.Name] = [null, Plain(p.CurrentValue)];
                    }

                    break;
                case EntityState.Modified:
                    action = "updated";
                    foreach (var p in entry.Properties.Where(p => p.IsModified && !IsDerived(p.Metadata.Name) && !Equals(p.OriginalValue, p.CurrentValue)))
                    {
                        changes[p.Metadata.Name] = [Plain(p.OriginalValue), Plain(p.CurrentValue)];
                    }

                    if (changes.Count == 0)
                    {
                        continue;
                    }

                    break;
                case EntityState.Deleted:
                    action = "deleted";
                    foreach (var p in entry.Properties.Where(p => !IsDerived(p.Metadata.Name)))
                    {
                        changes[p.Metadata.Name] = [Plain(p.OriginalValue), null];
                    }

                    break;
                default:
                    continue;
            }

            list.Add(new PendingAudit(entry, action, changes));
        }

        return list;
    }

    // Enums by name, so the trail still reads right if their numbers ever change.
    private static object? Plain(object? value) => value is Enum e ? e.ToString() : value;

    // Keys computed from other columns add noise to the trail.
    private static bool IsDerived(string property) =>
        property is "SortKey" or "SearchText" or "Version" or "UnitPath" or "ScopePath" or "LegacyPath" or "CreatedAt" or "CreatedBy" or "ChangedOn";
}
