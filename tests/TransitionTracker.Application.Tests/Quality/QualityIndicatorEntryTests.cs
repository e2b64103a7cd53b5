using Microsoft.EntityFrameworkCore;
using TransitionTracker.Application.Access;
using TransitionTracker.Application.Editing;
using TransitionTracker.Application.Quality;
using TransitionTracker.Application.Tests.Infrastructure;
using TransitionTracker.Domain.Quality;

namespace TransitionTracker.Application.Tests.Quality;

/// <summary>PCT managers enter their PCTs' indicators (one month, or a CSV file); users who may read the PCT read them.</summary>
public sealed class QualityIndicatorEntryTests : IAsyncLifetime
{
    private const string Pct = "5D7";
    private const string OtherPct = "5D8";
    private static readonly DateOnly May2001 = new(2001, 5, 1);
    private readonly ApplicationHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_pct_manager_saves_a_month_recorded_as_theirs_and_replaces_it_later()
    {
        var manager = await _host.UserAsync(Demo.PctManager);

        var saved = await SaveAsync(manager, Pct, Form("2001-05", qippDelivered: "850"), null);
        var replaced = await SaveAsync(manager, Pct, Form("2001-05", qippDelivered: "900"), null);

        Assert.True(saved.IsSaved);
        Assert.Equal([May2001], saved.Value);
        Assert.Equal(1, saved.Revision);
        Assert.True(replaced.IsSaved);
        Assert.Equal(2, replaced.Revision);
        Assert.Equal(saved.SavedId, replaced.SavedId);
        var stored = await IndicatorAsync(Pct, May2001);
        Assert.Equal(900m, stored?.QippDeliveredThousands);
        Assert.Equal(Demo.PctManager, stored!.RecordedBy);
        var recent = await _host.RunAsync<QualityIndicatorEntry, IReadOnlyList<QualityIndicator>>(e => e.RecentAsync(manager, Pct, 100, CancellationToken.None));
        Assert.Contains(recent, q => q.Month == May2001);
    }

    [Fact]
    public async Task A_change_based_on_a_revision_that_has_moved_on_is_refused_with_what_changed()
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        var first = await SaveAsync(manager, Pct, Form("2001-05", qippDelivered: "850"), null);
        var second = await SaveAsync(manager, Pct, Form("2001-05", qippDelivered: "860"), first.Revision);

        var stale = await SaveAsync(manager, Pct, Form("2001-05", qippDelivered: "999"), first.Revision);

        Assert.True(second.IsSaved);
        Assert.Equal(EditStatus.Conflict, stale.Status);
        Assert.Equal(second.Revision, stale.Conflict?.CurrentRevision);
        Assert.Equal(Demo.PctManager, stale.Conflict!.ChangedBy);
        Assert.Contains(stale.Conflict.Changes, c => c.Field == nameof(QualityIndicator.QippDeliveredThousands));
        Assert.Equal(860m, (await IndicatorAsync(Pct, May2001))!.QippDeliveredThousands);
    }

    [Fact]
    public async Task Bad_values_are_refused_each_problem_keyed_by_its_input_and_nothing_is_saved()
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        var before = await CountAsync();

        var outcome = await SaveAsync(manager, Pct, Form("May", qippPlanned: "-5", winterPlan: "", rttAdmitted: "101"), null);

        Assert.Equal(EditStatus.Invalid, outcome.Status);
        Assert.Equal(["month", "qipp-planned", "winter-plan", "rtt-admitted"], outcome.Problems.Select(p => p.Field));
        Assert.All(outcome.Problems, p => Assert.Null(p.Item));
        Assert.Equal("Month must be a month like 2013-04", outcome.Problems[0].Message);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_file_with_any_bad_row_is_refused_whole_each_problem_naming_its_row()
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        var before = await CountAsync();
        var csv = string.Join(',', QualityIndicatorEntry.Header) + "\r\n"
            + "2001-01,500,480,1.0,agreed,91.0,96.0\r\n"
            + "2001-02,abc,480,1.0,agreed,91.0,96.0\r\n"
            + "2001-01,500,480,1.0,agreed,91.0,96.0\r\n"
            + "2001-04,500,480\r\n";

        var outcome = await ImportAsync(manager, Pct, csv);

        Assert.Equal(EditStatus.Invalid, outcome.Status);
        Assert.Equal(["3", "4", "5"], outcome.Problems.Select(p => p.Item));
        Assert.Equal(["qipp-planned", "month", "row"], outcome.Problems.Select(p => p.Field));
        Assert.StartsWith("Row 3: QIPP planned", outcome.Problems[0].Message, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_good_file_saves_every_month()
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        var csv = string.Join(',', QualityIndicatorEntry.Header) + "\r\n2001-02,300,200,4.0,not-started,85.0,90.0\r\n2001-01,300,290.5,2.5,tested,92.0,97.0\r\n";

        var outcome = await ImportAsync(manager, Pct, csv);

        Assert.True(outcome.IsSaved);
        Assert.Equal([new DateOnly(2001, 1, 1), new DateOnly(2001, 2, 1)], outcome.Value);
        Assert.Equal(290.5m, (await IndicatorAsync(Pct, new DateOnly(2001, 1, 1)))?.QippDeliveredThousands);
        Assert.Equal(WinterPlanStatus.NotStarted, (await IndicatorAsync(Pct, new DateOnly(2001, 2, 1)))?.WinterPlan);
    }

    [Fact]
    public async Task Out_of_scope_entries_are_not_found_and_change_nothing()
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        var lead = await _host.UserAsync(Demo.RegionalLead);
        var before = await CountAsync();
        var csv = string.Join(',', QualityIndicatorEntry.Header) + "\r\n2001-05,500,480,1.0,agreed,91.0,96.0\r\n";

        var otherPct = await SaveAsync(manager, OtherPct, Form("2001-05"), null);
        var readOnly = await SaveAsync(lead, Pct, Form("2001-05"), null);
        var signedOut = await SaveAsync(null, Pct, Form("2001-05"), null);
        var otherImport = await ImportAsync(manager, OtherPct, csv);
        var badForm = await SaveAsync(lead, Pct, Form("May"), null);

        Assert.All([otherPct, readOnly, signedOut, otherImport, badForm], o => Assert.Equal(EditStatus.NotFound, o.Status));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Indicators_are_read_by_users_who_may_read_the_pct()
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        var lead = await _host.UserAsync(Demo.RegionalLead);
        await SaveAsync(manager, Pct, Form("2001-05"), null);
        await SaveAsync(manager, Pct, Form("2001-06"), null);

        var byLead = await _host.RunAsync<QualityIndicatorEntry, IReadOnlyList<QualityIndicator>>(e => e.RecentAsync(lead, Pct, 100, CancellationToken.None));
        var otherPct = await _host.RunAsync<QualityIndicatorEntry, IReadOnlyList<QualityIndicator>>(e => e.RecentAsync(manager, OtherPct, 100, CancellationToken.None));
        var signedOut = await _host.RunAsync<QualityIndicatorEntry, IReadOnlyList<QualityIndicator>>(e => e.RecentAsync(null, Pct, 100, CancellationToken.None));

        Assert.Contains(byLead, q => q.Month == May2001);
        Assert.Equal(byLead.Select(q => q.Month).OrderDescending(), byLead.Select(q => q.Month));
        Assert.Empty(otherPct);
        Assert.Empty(signedOut);
    }

    [Theory]
    [InlineData("emergency-change", "999", "A change in emergency admissions of more than ±50 % in a month is not plausible; check the figure")]
    [InlineData("emergency-change", "-50.1", "A change in emergency admissions of more than ±50 % in a month is not plausible; check the figure")]
    [InlineData("qipp-planned", "20000.1", "QIPP savings planned of more than £20 million (20,000 in £ thousands) in one month are not plausible for a PCT; check the figure is in thousands")]
    [InlineData("qipp-delivered", "2001", "QIPP savings delivered of more than twice the savings planned in a month are not plausible; check both figures")]
    [InlineData("rtt-admitted", "49.9", "Admitted patients treated within 18 weeks must be from 50 % to 100 %: below half is not plausible against the 90 % standard; check the figure")]
    [InlineData("rtt-non-admitted", "100.5", "Non-admitted patients treated within 18 weeks must be from 50 % to 100 %: below half is not plausible against the 95 % standard; check the figure")]
    public async Task A_figure_outside_its_plausible_range_is_refused_with_the_range_explained_and_nothing_is_saved(string field, string value, string message)
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        var before = await CountAsync();
        var form = Form("2001-05");
        Set(form, field, value);

        var outcome = await SaveAsync(manager, Pct, form, null);

        Assert.Equal(EditStatus.Invalid, outcome.Status);
        var problem = Assert.Single(outcome.Problems);
        Assert.Equal(field, problem.Field);
        Assert.Equal(message, problem.Message);
        Assert.Equal(before, await CountAsync());
    }

    [Theory]
    [InlineData("emergency-change", "50")]
    [InlineData("emergency-change", "-50")]
    [InlineData("qipp-planned", "20000")]
    [InlineData("qipp-delivered", "2000")]
    [InlineData("rtt-admitted", "50")]
    [InlineData("rtt-non-admitted", "100")]
    public async Task A_figure_at_the_edge_of_its_plausible_range_is_saved(string field, string value)
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        var form = Form("2001-05");
        Set(form, field, value);

        var outcome = await SaveAsync(manager, Pct, form, null);

        Assert.True(outcome.IsSaved, string.Join("; ", outcome.Problems.Select(p => p.Message)));
    }

    [Fact]
    public async Task A_file_row_outside_a_plausible_range_is_refused_naming_its_row()
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        var csv = string.Join(',', QualityIndicatorEntry.Header) + "\r\n2001-01,500,480,999,agreed,91.0,96.0\r\n";

        var outcome = await ImportAsync(manager, Pct, csv);

        var problem = Assert.Single(outcome.Problems);
        Assert.Equal("2", problem.Item);
        Assert.Equal("Row 2: " + QualityIndicatorRules.EmergencyChange.OutOfRange, problem.Message);
        Assert.Null(await IndicatorAsync(Pct, new DateOnly(2001, 1, 1)));
    }

    [Fact]
    public async Task Every_numeric_input_has_a_range_explained_and_a_typical_month_is_within_them()
    {
        Assert.Equal(["qipp-planned", "qipp-delivered", "emergency-change", "rtt-admitted", "rtt-non-admitted"], QualityIndicatorRules.Numbers.Select(r => r.Field));
        Assert.All(QualityIndicatorRules.Numbers, r =>
        {
            Assert.True(r.Min < r.Max);
            Assert.NotEmpty(r.Hint);
            Assert.Contains("check the figure", r.OutOfRange, StringComparison.Ordinal);
        });
        var manager = await _host.UserAsync(Demo.PctManager);
        Assert.True((await SaveAsync(manager, Pct, Form("2001-05"), null)).IsSaved);
    }

    [Fact]
    public async Task An_editor_that_read_no_record_of_the_month_gets_a_conflict_when_someone_saved_it_since()
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        Assert.Null(await _host.RunAsync<QualityIndicatorEntry, QualityIndicator?>(e => e.MonthAsync(manager, Pct, May2001, CancellationToken.None)));
        var theirs = await SaveAsync(manager, Pct, Form("2001-05", qippDelivered: "860"), QualityIndicatorEntry.NoRecord);

        var mine = await SaveAsync(manager, Pct, Form("2001-05", qippDelivered: "700"), QualityIndicatorEntry.NoRecord);
        var mineOverTheirs = await SaveAsync(manager, Pct, Form("2001-05", qippDelivered: "700"), mine.Conflict!.CurrentRevision);

        Assert.True(theirs.IsSaved);
        Assert.Equal(EditStatus.Conflict, mine.Status);
        Assert.Equal(theirs.Revision, mine.Conflict.CurrentRevision);
        Assert.True(mineOverTheirs.IsSaved);
        var stored = await _host.RunAsync<QualityIndicatorEntry, QualityIndicator?>(e => e.MonthAsync(manager, Pct, May2001, CancellationToken.None));
        Assert.Equal(700m, stored!.QippDeliveredThousands);
    }

    private static void Set(QualityIndicatorForm form, string field, string value)
    {
        switch (field)
        {
            case "qipp-planned": form.QippPlanned = value; break;
            case "qipp-delivered": form.QippDelivered = value; break;
            case "emergency-change": form.EmergencyChange = value; break;
            case "rtt-admitted": form.RttAdmitted = value; break;
            default: form.RttNonAdmitted = value; break;
        }
    }

    private static QualityIndicatorForm Form(
        string month, string qippPlanned = "1000", string qippDelivered = "850", string winterPlan = "draft", string rttAdmitted = "89.0") => new()
    {
        Month = month,
        QippPlanned = qippPlanned,
        QippDelivered = qippDelivered,
        EmergencyChange = "-0.5",
        WinterPlan = winterPlan,
        RttAdmitted = rttAdmitted,
        RttNonAdmitted = "96.5",
    };

    private Task<EditOutcome<IReadOnlyList<DateOnly>>> SaveAsync(ActingUser? user, string pct, QualityIndicatorForm form, int? basedOn) =>
        _host.RunAsync<QualityIndicatorEntry, EditOutcome<IReadOnlyList<DateOnly>>>(e => e.SaveAsync(user, pct, form, basedOn, CancellationToken.None));

    private Task<EditOutcome<IReadOnlyList<DateOnly>>> ImportAsync(ActingUser? user, string pct, string csv) =>
        _host.RunAsync<QualityIndicatorEntry, EditOutcome<IReadOnlyList<DateOnly>>>(e => e.ImportAsync(user, pct, csv, CancellationToken.None));

    private async Task<QualityIndicator?> IndicatorAsync(string pct, DateOnly month)
    {
        await using var db = _host.OpenContext();
        return await db.QualityIndicators.AsNoTracking().SingleOrDefaultAsync(q => q.PctCode == pct && q.Month == month);
    }

    private async Task<int> CountAsync()
    {
        await using var db = _host.OpenContext();
        return await db.QualityIndicators.CountAsync();
    }
}
