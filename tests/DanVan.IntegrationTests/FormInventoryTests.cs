using System.Text.RegularExpressions;

namespace DanVan.IntegrationTests;

/// <summary>
/// Every form on every page, as the access matrix lists every route: each posting form must name the test that submits
/// it as its user would and sees it save (integration through the page, or the browser). A new form without a journey
/// fails here; so does a journey that names a test that no longer exists.
/// </summary>
public partial class FormInventoryTests
{
    /// <summary>Page (under Features) # handler → the tests that submit that form and check what it saved.</summary>
    private static readonly Dictionary<string, string[]> Journeys = new(StringComparer.Ordinal)
    {
        ["Account/ForgotPassword#"] = ["MailRecoveryTests.ForgottenPassword_MailsAOneTimeLink_ThatSetsANewPassword_AndEndsOldSessions", "FirstWeekJourneyTests.ForgottenPassword_OnAPhone_TheMailedLinkSetsANewOne"],
        ["Account/Login#"] = ["AbuseTests.SignIn_AnswersTheSameForUnknownWrongAndLocked_AndCommonPasswordsAreRefused"],
        ["Account/LoginWith2fa#"] = ["AccountTests.TwoFactor_WhenEnabled_SignInAsksForTheCode"],
        ["Account/Manage/Index#Password"] = ["AbuseTests.Admin_ResetsAForgottenPassword_ToATemporaryOneShownOnce"],
        ["Account/Manage/Tokens#Create"] = ["AccountTests.TokenPage_ShowsANewTokenOnce_ThatWorksForTheApi"],
        ["Account/Manage/TwoFactor#"] = ["AbuseTests.TwoStep_CannotBeTurnedOffWithoutThePassword"],
        ["Account/Manage/TwoFactor#Enable"] = ["FormJourneyTests.TwoStep_IsTurnedOnFromItsPage_WithTheCodeAnAuthenticatorShows_AndAWrongCodeIsRefused"],
        ["Account/ResetPassword#"] = ["MailRecoveryTests.ForgottenPassword_MailsAOneTimeLink_ThatSetsANewPassword_AndEndsOldSessions", "FirstWeekJourneyTests.ForgottenPassword_OnAPhone_TheMailedLinkSetsANewOne"],
        ["Account/Manage/Tokens#Revoke"] = ["FormJourneyTests.AccountForms_RevokeAToken_AndAnAdministratorEndsSessions_ResetsTwoStep_AndWithdrawsARole"],
        ["Admin/Users/Edit#Revoke"] = ["FormJourneyTests.AccountForms_RevokeAToken_AndAnAdministratorEndsSessions_ResetsTwoStep_AndWithdrawsARole"],
        ["Admin/Users/Edit#EndSessions"] = ["FormJourneyTests.AccountForms_RevokeAToken_AndAnAdministratorEndsSessions_ResetsTwoStep_AndWithdrawsARole"],
        ["Admin/Users/Edit#ResetTwoFactor"] = ["FormJourneyTests.AccountForms_RevokeAToken_AndAnAdministratorEndsSessions_ResetsTwoStep_AndWithdrawsARole"],
        ["Admin/Users/Edit#CreateIntegration"] = ["IntegrationAccountTests.AnIntegrationCannotHoldAnAdministrativeRole_NorReachBeyondTheMakersArea_AndAWrongFormKeepsWhatWasTyped"],
        ["Admin/Users/Edit#IssueToken"] = ["IntegrationAccountTests.AProvincesPlatform_ReadsItsArea_WithItsOwnToken_WhichOutlivesTheStaffMembersPasswordReset"],
        ["Admin/Users/Edit#RevokeToken"] = ["IntegrationAccountTests.AProvincesPlatform_ReadsItsArea_WithItsOwnToken_WhichOutlivesTheStaffMembersPasswordReset"],
        ["Admin/Users/Edit#Create"] = ["AccountTests.UserAdmin_SecretariatGrantsInsideItsProvinceOnly"],
        ["Admin/Users/Edit#Grant"] = ["AbuseTests.Lock_PasswordChange_AndRoleChange_EndTheOtherSessions_AndLockAndPasswordRevokeTokens"],
        ["Admin/Users/Edit#Lock"] = ["AbuseTests.Lock_PasswordChange_AndRoleChange_EndTheOtherSessions_AndLockAndPasswordRevokeTokens"],
        ["Admin/Users/Edit#ResetPassword"] = ["AbuseTests.Admin_ResetsAForgottenPassword_ToATemporaryOneShownOnce"],
        ["Appraisals/Detail#Conclude"] = ["FormJourneyTests.AnAppraiser_StepsAsideFromAModel_AndTheSecretariatClosesTheRound", "LifecycleJourneyTests.AnInitiativesWholeLife_AndASecondOneRetiredAtReview"],
        ["Appraisals/Detail#Close"] = ["FormJourneyTests.AnAppraiser_StepsAsideFromAModel_AndTheSecretariatClosesTheRound"],
        ["Appraisals/Detail#Score"] = ["FormsSaveTests.AScoreOverTheMaximum_IsRefusedBesideTheModel_AndKeepsWhatWasTyped", "LifecycleJourneyTests.AnInitiativesWholeLife_AndASecondOneRetiredAtReview"],
        ["Appraisals/Detail#Recuse"] = ["FormJourneyTests.AnAppraiser_StepsAsideFromAModel_AndTheSecretariatClosesTheRound"],
        ["Appraisals/New#"] = ["LifecycleJourneyTests.AnInitiativesWholeLife_AndASecondOneRetiredAtReview"],
        ["Awards/Import#"] = ["FormJourneyTests.AnAwardList_IsCheckedThenImported_FromItsPage"],
        ["Awards/New#"] = ["CommendationJourneyTests.ANomination_GoesUpIsReturnedFixedAndDecided_TheCertificatePrints_AndTheReportCountsIt"],
        ["Campaigns/Detail#Remind"] = ["FriendlyPagesTests.Round_FlagsUnitsBelowTarget_FiltersThoseWithATarget_AndRemindsTheirOfficers", "ReminderTests.ARoundNotYetOpen_RemindsNobody_AndAnOpenOne_NamesTheUnitsWithoutAnOfficer"],
        ["Campaigns/Edit#"] = ["LifecycleJourneyTests.AnInitiativesWholeLife_AndASecondOneRetiredAtReview"],
        ["Committees/Index#Committee"] = ["FormJourneyTests.TheSteeringCommitteeAndATeam_AreSavedFromTheirPage_EachFormByItsOwnFields"],
        ["Committees/Index#Team"] = ["FormJourneyTests.TheSteeringCommitteeAndATeam_AreSavedFromTheirPage_EachFormByItsOwnFields"],
        ["Criteria/Edit#"] = ["FormJourneyTests.ACriteriaSet_IsWrittenOnItsPage_AndAWeightOutOfRangeKeepsWhatWasTyped"],
        ["Documents/Index#"] = ["DocumentPickerTests.ADocument_GovernsWhatIsPickedByName_AndTheListNamesIt"],
        ["Feedback/Index#"] = ["PublicTests.Comment_IsHeldUntilAnOfficerPublishesIt_RejectionNeedsAReason_AndStrangersCannotModerate"],
        ["Imports/Index#"] = ["ImportJourneyTests.DryRunListsBadRows_ThenTheFixedFileGoesIn"],
        ["Initiatives/Edit#"] = ["RegistrationPhotoTests.APhotoAtRegistration_IsKeptPrivately_AndAFileThatIsNotAPicture_RegistersNothing", "LifecycleJourneyTests.AnInitiativesWholeLife_AndASecondOneRetiredAtReview"],
        ["Initiatives/Replicate#"] = ["LifecycleJourneyTests.AnInitiativesWholeLife_AndASecondOneRetiredAtReview"],
        ["Inspections/Index#"] = ["FormsSaveTests.AnInspection_IsPlannedAndRecorded_FromThePage_EachFormJudgedByItsOwnFields"],
        ["Inspections/Index#Visit"] = ["FormsSaveTests.AnInspection_IsPlannedAndRecorded_FromThePage_EachFormJudgedByItsOwnFields"],
        ["Inspections/Index#Photo"] = ["FormJourneyTests.NotificationsAreMarkedRead_AndAFollowUpIsReportedDone_WithAPhoto_FromThePages"],
        ["Inspections/Index#Done"] = ["FormJourneyTests.NotificationsAreMarkedRead_AndAFollowUpIsReportedDone_WithAPhoto_FromThePages"],
        ["Nominations/Detail#(step)"] = ["CommendationJourneyTests.ANomination_GoesUpIsReturnedFixedAndDecided_TheCertificatePrints_AndTheReportCountsIt"],
        ["Nominations/Detail#Attach"] = ["FormJourneyTests.ANominationsFile_IsAttachedFromItsPage_AndAFileThatIsNothingIsRefused"],
        ["Nominations/Detail#Return"] = ["CommendationJourneyTests.ANomination_GoesUpIsReturnedFixedAndDecided_TheCertificatePrints_AndTheReportCountsIt"],
        ["Nominations/Edit#"] = ["CommendationJourneyTests.ANomination_GoesUpIsReturnedFixedAndDecided_TheCertificatePrints_AndTheReportCountsIt"],
        ["Notifications/Index#Read"] = ["FormJourneyTests.NotificationsAreMarkedRead_AndAFollowUpIsReportedDone_WithAPhoto_FromThePages"],
        ["Organizations/Edit#"] = ["UnitPickerTests.ALongListOfCommunes_IsSearched_AShortOneIsPicked"],
        ["Public/Comment#"] = ["PublicTests.Comment_IsHeldUntilAnOfficerPublishesIt_RejectionNeedsAReason_AndStrangersCannotModerate"],
        ["Review/Index#"] = ["LifecycleJourneyTests.AnInitiativesWholeLife_AndASecondOneRetiredAtReview"],
        ["Public/Initiative#"] = ["PublicTests.Survey_CountsOneAnswerPerDevicePerDay_IgnoresBots_AndShowsOnThePage"],
        ["Public/Survey#"] = ["PublicJourneyTests.Citizen_FindsWithOrWithoutTones_AnswersTheSurveyOnAPhone_AndACommentIsModeratedAndPublished"],
        ["Recognition/New#"] = ["LifecycleJourneyTests.AnInitiativesWholeLife_AndASecondOneRetiredAtReview"],
        ["Reports/Document#"] = ["ReportJourneyTests.Leader_OpensHerAreasReport_AndDownloadsExcelAndWord"],
        ["Results/Edit#"] = ["IndicatorSummaryTests.TheResultsForm_TiesARowToAStandardIndicatorAndCategory_AndTheSummaryCountsItConverted"],
        ["Public/_PublicLayout#"] = ["EnglishPagesTests.ThePublicSite_SwitchesLanguage_AndSaysLevelsInEnglish"],
        ["Shared/_Layout#"] = ["FirstWeekJourneyTests.StaleLink_ShowsAFriendlyPage_AndTheLanguageSwitchesToEnglishAndBack"],
        ["Conferences/Detail#"] = ["FormJourneyTests.AConferenceHonoursARecognisedModel_FromItsPage"],
        ["Conferences/Index#"] = ["FormJourneyTests.AConferenceAndANominationRound_AreOpenedFromTheirPages_AndAWrongDateKeepsWhatWasTyped"],
        ["Nominations/Rounds#"] = ["FormJourneyTests.AConferenceAndANominationRound_AreOpenedFromTheirPages_AndAWrongDateKeepsWhatWasTyped"],
        ["Surveys/Index#Open"] = ["FormJourneyTests.ASurvey_IsOpenedAndClosed_FromItsPage", "AbuseTests.SurveyAnswers_ManyFromOneAddressInMinutes_AreHeld_UntilAnOfficerCountsThem"],
        ["Surveys/Index#Held"] = ["AbuseTests.SurveyAnswers_ManyFromOneAddressInMinutes_AreHeld_UntilAnOfficerCountsThem"],
        ["Surveys/Index#Close"] = ["FormJourneyTests.ASurvey_IsOpenedAndClosed_FromItsPage"],
        ["UnitReports/Edit#"] = ["MovementResultsJourneyTests.Officer_EntersTheCommunesFigures_OnAPhone_AndTheReportAndItsDocxCarryThem"],
        ["UnitReports/Import#"] = ["ResultsImportPageTests.AnOfficer_FillsTheTemplate_WithNames_ChecksIt_AndImportsTheSameFile_WithoutChoosingItAgain"],
        ["UnitReports/Index#Remind"] = ["IndicatorSummaryTests.TheRoundOfUnitReports_ShowsWhoHasNotReported_AndRemindsTheirOfficers"],
    };

    /// <summary>
    /// Forms whose journey is still to be written: listed here, by name, so that the gap is counted and seen (the closing
    /// note gives the number), never silently added to. The list may only shrink.
    /// </summary>
    private static readonly HashSet<string> StillWithoutJourney = new(StringComparer.Ordinal)
    {
    };

    [GeneratedRegex(@"<form\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex FormTag();

    [GeneratedRegex(@"asp-page-handler=""([^""]*)""")]
    private static partial Regex Handler();

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DanVan.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("The repository root (DanVan.slnx) was not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Each posting form of the pages, as "Folder/Page#Handler" (a handler chosen at run time is "(step)").</summary>
    public static SortedSet<string> Forms()
    {
        var features = Path.Combine(Root(), "src", "DanVan.Web", "Features");
        var forms = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(features, "*.cshtml", SearchOption.AllDirectories))
        {
            var page = Path.GetRelativePath(features, file).Replace('\\', '/')[..^".cshtml".Length];
            foreach (Match tag in FormTag().Matches(File.ReadAllText(file)))
            {
                if (!tag.Value.Contains("method=\"post\"", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var handler = Handler().Match(tag.Value) is { Success: true } h ? h.Groups[1].Value : string.Empty;
                forms.Add(page + "#" + (handler.StartsWith('@') ? "(step)" : handler));
            }
        }

        return forms;
    }

    [Fact]
    public void EveryForm_HasAJourneyThatSubmitsIt_OrIsListedAsStillWithout()
    {
        var forms = Forms();
        Assert.True(forms.Count > 40, $"only {forms.Count} forms found: the page scan is broken");
        var missing = forms.Where(f => !Journeys.ContainsKey(f) && !StillWithoutJourney.Contains(f)).ToList();
        Assert.True(missing.Count == 0, "forms without a journey: " + string.Join(", ", missing));
        var gone = Journeys.Keys.Concat(StillWithoutJourney).Where(k => !forms.Contains(k)).ToList();
        Assert.True(gone.Count == 0, "listed forms no page has any more: " + string.Join(", ", gone));
        var both = StillWithoutJourney.Where(Journeys.ContainsKey).ToList();
        Assert.True(both.Count == 0, "has a journey now, take it off the list of forms without one: " + string.Join(", ", both));
    }

    [Fact]
    public void EveryJourneyNamed_IsATestThatExists()
    {
        var sources = string.Join("\n", Directory.EnumerateFiles(Path.Combine(Root(), "tests"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText));
        var absent = Journeys.SelectMany(j => j.Value).Distinct()
            .Where(t => t.Split('.') is [var cls, var method] && !(sources.Contains("class " + cls, StringComparison.Ordinal) && sources.Contains(" " + method + "(", StringComparison.Ordinal)))
            .ToList();
        Assert.True(absent.Count == 0, "journeys naming no test: " + string.Join(", ", absent));
    }
}
