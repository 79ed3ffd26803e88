using DanVan.Domain;

namespace DanVan.Infrastructure;

/// <summary>What a caller may do, by name. Every page, API route, import row, command and job asks with one of these.</summary>
public enum Operation
{
    /// <summary>See records, lists and reports of an area.</summary>
    Read,

    /// <summary>Register a model or an organisation on a unit (đăng ký).</summary>
    Register,

    /// <summary>Edit a model's or an organisation's own details (not its lifecycle).</summary>
    Edit,

    /// <summary>Report a model's results and attach evidence.</summary>
    ReportResults,

    /// <summary>Run a model's satisfaction surveys and moderate citizens' comments.</summary>
    Moderate,

    /// <summary>Bring in a spreadsheet of models (each row still needs the operations it performs).</summary>
    Import,

    /// <summary>Keep, retire or reinstate a model at the yearly review (rà soát).</summary>
    RetireAtReview,

    /// <summary>Issue a recognition decision at commune level.</summary>
    RecognizeCommune,

    /// <summary>Issue a recognition decision at district level (before 01/07/2025).</summary>
    RecognizeDistrict,

    /// <summary>Issue a recognition decision at province level.</summary>
    RecognizeProvince,

    /// <summary>Issue a recognition decision at national level.</summary>
    RecognizeNational,

    /// <summary>Open and run registration rounds with their targets.</summary>
    RunRound,

    /// <summary>Issue criteria sets.</summary>
    ManageCriteria,

    /// <summary>Form steering committees, blocks and village teams.</summary>
    ManageCommittee,

    /// <summary>Open an appraisal, record conclusions, close it.</summary>
    RunAppraisal,

    /// <summary>Score the models of an appraisal one sits on (membership is checked by the appraisal).</summary>
    Score,

    /// <summary>Call conferences and record their awards.</summary>
    RunConference,

    /// <summary>Create accounts and grant roles in an area.</summary>
    ManageUsers,

    /// <summary>Export or erase a named person's data.</summary>
    HandlePersonalData,

    /// <summary>Approve units of measure officers propose (a province's secretariat for it; an admin for the country).</summary>
    ApproveMeasures,

    /// <summary>Plan an inspection (kiểm tra, giám sát) of a unit or a model, record its findings and follow-ups.</summary>
    Inspect,

    /// <summary>Close an inspection's follow-up task, with what was done (the inspected unit).</summary>
    CloseFollowUp,

    /// <summary>Keep the movement's documents (plans, directives, guidance, decisions) of an area.</summary>
    ManageDocuments,

    /// <summary>Add and edit the award forms (hình thức khen thưởng) of a province, or the country's (an admin).</summary>
    ManageAwardForms,

    /// <summary>Add the indicators of a province's own catalogue, or the country's (an admin).</summary>
    ManageIndicators,
}

/// <summary>
/// The one table of who may do what. A grant of a role on a unit allows the role's operations on the unit's subtree;
/// an admin may do everything everywhere. Nothing else in the code knows which role may do what.
/// </summary>
public static class Permissions
{
    private static readonly Dictionary<Operation, Role[]> Table = new()
    {
        [Operation.Read] = [Role.Secretariat, Role.Officer, Role.Appraiser, Role.Viewer],
        [Operation.Register] = [Role.Secretariat, Role.Officer],
        [Operation.Edit] = [Role.Secretariat, Role.Officer],
        [Operation.ReportResults] = [Role.Secretariat, Role.Officer],
        [Operation.Moderate] = [Role.Secretariat, Role.Officer],
        [Operation.Import] = [Role.Secretariat, Role.Officer],
        [Operation.RetireAtReview] = [Role.Secretariat],
        [Operation.RecognizeCommune] = [Role.Secretariat],
        [Operation.RecognizeDistrict] = [Role.Secretariat],
        [Operation.RecognizeProvince] = [Role.Secretariat],
        // A country-wide grant is needed: the path of the whole country is "/".
        [Operation.RecognizeNational] = [Role.Secretariat],
        [Operation.RunRound] = [Role.Secretariat],
        [Operation.ManageCriteria] = [Role.Secretariat],
        [Operation.ManageCommittee] = [Role.Secretariat],
        [Operation.RunAppraisal] = [Role.Secretariat],
        [Operation.Score] = [Role.Appraiser, Role.Secretariat],
        [Operation.RunConference] = [Role.Secretariat],
        [Operation.ManageUsers] = [Role.Secretariat],
        [Operation.HandlePersonalData] = [Role.Secretariat],
        [Operation.ApproveMeasures] = [Role.Secretariat],
        [Operation.Inspect] = [Role.Secretariat],
        [Operation.CloseFollowUp] = [Role.Secretariat, Role.Officer],
        [Operation.ManageDocuments] = [Role.Secretariat],
        [Operation.ManageAwardForms] = [Role.Secretariat],
        [Operation.ManageIndicators] = [Role.Secretariat],
    };

    /// <summary>Roles whose holders must turn on two-step verification when Security:RequireTwoFactorForAdmins is set.</summary>
    public static bool MustUseTwoFactor(Role role) => role is Role.Admin or Role.Secretariat;

    /// <summary>Roles whose holders may sit on an appraisal council.</summary>
    public static bool MaySitOnCouncil(Role role) => role is Role.Admin or Role.Appraiser;

    public static IReadOnlyList<Operation> All { get; } = Enum.GetValues<Operation>();

    /// <summary>Whether a role, where it is granted, allows the operation.</summary>
    public static bool Allows(Role role, Operation operation) =>
        role == Role.Admin || (Table.TryGetValue(operation, out var roles) && roles.Contains(role));

    /// <summary>The operation that recognises at a level.</summary>
    public static Operation RecognizeAt(RecognitionLevel level) => level switch
    {
        RecognitionLevel.Commune => Operation.RecognizeCommune,
        RecognitionLevel.District => Operation.RecognizeDistrict,
        RecognitionLevel.Province => Operation.RecognizeProvince,
        RecognitionLevel.National => Operation.RecognizeNational,
    };

    /// <summary>The path a decision at this level is issued at, for a model counted at the given 2025 path.</summary>
    public static string DecisionPath(RecognitionLevel level, string modelPath) => level switch
    {
        RecognitionLevel.National => "/",
        RecognitionLevel.Commune => modelPath,
        RecognitionLevel.District or RecognitionLevel.Province => UnitPaths.Province(modelPath),
    };
}
