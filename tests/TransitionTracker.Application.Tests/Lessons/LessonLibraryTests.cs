using Microsoft.EntityFrameworkCore;
using TransitionTracker.Application.Access;
using TransitionTracker.Application.Editing;
using TransitionTracker.Application.Exports;
using TransitionTracker.Application.Lessons;
using TransitionTracker.Application.Tests.Infrastructure;
using TransitionTracker.Data;
using TransitionTracker.Domain.Assessments;
using TransitionTracker.Domain.Frameworks;
using TransitionTracker.Domain.Lessons;
using TransitionTracker.Domain.Scoring;

namespace TransitionTracker.Application.Tests.Lessons;

/// <summary>
/// Lessons from others for a consortium's weakest domains, on a database holding only the assessments and lessons
/// each test arranges (added directly through the DbContext, as submitted assessments with their domain scores); and
/// writing lessons, by the consortium's lead or a PCT manager who may edit it, and nobody else.
/// </summary>
public sealed class LessonLibraryTests : IAsyncLifetime
{
    private static readonly DateTime January = new(2011, 1, 10, 9, 0, 0, DateTimeKind.Utc);

    private readonly ApplicationHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Lessons_come_only_from_other_consortia_scoring_at_least_75_in_that_domain_in_their_latest_assessment()
    {
        await ArrangeAsync(db =>
        {
            // 00H is strong in governance now; 00C was, but its latest assessment is weak there; 01G is middling (50).
            db.Assessments.Add(Submitted("00H", January, met: ["governance"]));
            db.Assessments.Add(Submitted("00C", January, met: ["governance", "financial-management"]));
            db.Assessments.Add(Submitted("00C", January.AddMonths(1), met: ["financial-management"]));
            db.Assessments.Add(Submitted("01G", January, inProgress: ["governance"], met: ["workforce"]));
            db.Assessments.Add(Submitted("00G", January, met: ["governance"]));

            db.Lessons.Add(Written("00H", "governance", "00H governance lesson", January.AddDays(1)));
            db.Lessons.Add(Written("00H", "financial-management", "00H finance lesson", January.AddDays(2)));
            db.Lessons.Add(Written("00C", "governance", "00C governance lesson", January.AddDays(3)));
            db.Lessons.Add(Written("00C", "financial-management", "00C finance lesson", January.AddDays(4)));
            db.Lessons.Add(Written("01G", "governance", "01G governance lesson", January.AddDays(5)));
            db.Lessons.Add(Written("01G", "workforce", "01G workforce lesson", January.AddDays(6)));
            db.Lessons.Add(Written("00G", "governance", "00G own governance lesson", January.AddDays(7)));
        });

        var lessons = await ForWeakestDomainsAsync("00G", ["financial-management", "governance", "patients-public"]);

        Assert.Equal(
            [
                ("financial-management", "00C finance lesson", "00C", 100.0),
                ("governance", "00H governance lesson", "00H", 100.0),
            ],
            lessons.Select(l => (l.DomainId, l.Title, l.ConsortiumCode, l.DomainScore)));
        Assert.All(lessons, l => Assert.False(string.IsNullOrEmpty(l.ConsortiumName)));
        Assert.Equal("Body of 00H governance lesson", lessons[1].Body);
    }

    [Fact]
    public async Task At_most_three_lessons_a_domain_are_returned_newest_first()
    {
        await ArrangeAsync(db =>
        {
            db.Assessments.Add(Submitted("00H", January, met: ["governance"]));
            db.Assessments.Add(Submitted("00C", January, met: ["governance"]));
            db.Lessons.Add(Written("00H", "governance", "Oldest", January.AddDays(1)));
            db.Lessons.Add(Written("00C", "governance", "Second", January.AddDays(2)));
            db.Lessons.Add(Written("00H", "governance", "Third", January.AddDays(3)));
            db.Lessons.Add(Written("00C", "governance", "Newest", January.AddDays(4)));
        });

        var lessons = await ForWeakestDomainsAsync("00g", ["governance"]);

        Assert.Equal(["Newest", "Third", "Second"], lessons.Select(l => l.Title));
    }

    [Fact]
    public async Task The_same_lesson_recorded_by_several_consortia_is_shown_once_and_says_how_many_others_recorded_it()
    {
        await ArrangeAsync(db =>
        {
            db.Assessments.Add(Submitted("00H", January, met: ["governance"]));
            db.Assessments.Add(Submitted("00C", January, met: ["governance"]));
            db.Assessments.Add(Submitted("01G", January, met: ["governance"]));
            db.Lessons.Add(Written("00H", "governance", "Shared", January.AddDays(1)));
            db.Lessons.Add(Written("00C", "governance", "Shared", January.AddDays(1)));
            db.Lessons.Add(Written("01G", "governance", "Shared", January.AddDays(1)));
            db.Lessons.Add(Written("01G", "governance", "Own", January.AddDays(2)));
        });

        var lessons = await ForWeakestDomainsAsync("00G", ["governance"]);

        Assert.Equal([("Own", 0), ("Shared", 2)], lessons.Select(l => (l.Title, l.AlsoRecordedBy)));
    }

    [Fact]
    public async Task No_weak_domains_or_no_strong_consortia_means_no_lessons()
    {
        await ArrangeAsync(db =>
        {
            db.Assessments.Add(Submitted("00H", January, inProgress: ["governance"]));
            db.Lessons.Add(Written("00H", "governance", "Middling advice", January.AddDays(1)));
        });

        Assert.Empty(await ForWeakestDomainsAsync("00G", []));
        Assert.Empty(await ForWeakestDomainsAsync("00G", ["governance"]));
    }

    [Fact]
    public async Task Lessons_from_others_are_offered_only_to_those_who_may_read_the_consortium()
    {
        await ArrangeAsync(db =>
        {
            db.Assessments.Add(Submitted("00H", January, met: ["governance"]));
            db.Lessons.Add(Written("00H", "governance", "Strong advice", January.AddDays(1)));
        });
        var manager = await _host.UserAsync(Demo.PctManager);

        Assert.Single(await ForWeakestDomainsAsync(Demo.LeadsConsortium, ["governance"], manager));
        Assert.Empty(await ForWeakestDomainsAsync(Demo.OtherConsortium, ["governance"], manager));
        Assert.Empty(await ForWeakestDomainsAsync(Demo.LeadsConsortium, ["governance"], null));
    }

    [Fact]
    public async Task The_consortium_lead_writes_a_lesson_listed_newest_first_and_audited_as_theirs()
    {
        var lead = await _host.UserAsync(Demo.ConsortiumLead);

        var mayWrite = await RunAsync(l => l.MayWriteAsync(lead, "00g", CancellationToken.None));
        var added = await RunAsync(l => l.AddAsync(lead, Demo.LeadsConsortium,
            new LessonForm { Domain = " governance ", Title = " Agreeing the policy ", Body = "Every practice.\r\nSigned." }, CancellationToken.None));
        var listed = await RunAsync(l => l.ListAsync(lead, Demo.LeadsConsortium, CancellationToken.None));

        Assert.True(mayWrite);
        Assert.Equal(EditStatus.Saved, added.Status);
        var lesson = listed[0];
        Assert.Equal(
            (added.SavedId!.Value, "governance", "Agreeing the policy", "Every practice.\nSigned.", Demo.ConsortiumLead),
            (lesson.Id, lesson.DomainId, lesson.Title, lesson.Body, lesson.WrittenBy));
        await using var db = _host.OpenContext();
        var audit = await db.AuditEntries.SingleAsync(a => a.EntityType == nameof(Lesson) && a.Actor == Demo.ConsortiumLead);
        Assert.Equal(("Added", Demo.LeadsConsortium), (audit.Action, audit.ConsortiumCode));
    }

    [Fact]
    public async Task A_pct_manager_who_may_edit_the_consortium_writes_for_it_and_readers_do_not()
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        var regional = await _host.UserAsync(Demo.RegionalLead);
        var national = await _host.UserAsync(Demo.National);

        Assert.True(await RunAsync(l => l.MayWriteAsync(manager, Demo.ManagedConsortium, CancellationToken.None)));
        Assert.False(await RunAsync(l => l.MayWriteAsync(manager, Demo.OtherConsortium, CancellationToken.None)));
        Assert.False(await RunAsync(l => l.MayWriteAsync(regional, Demo.LeadsConsortium, CancellationToken.None)));
        Assert.False(await RunAsync(l => l.MayWriteAsync(national, Demo.LeadsConsortium, CancellationToken.None)));
        Assert.False(await RunAsync(l => l.MayWriteAsync(null, Demo.LeadsConsortium, CancellationToken.None)));
        Assert.False(await RunAsync(l => l.MayWriteAsync(manager, "ZZZ", CancellationToken.None)));
    }

    [Fact]
    public async Task Out_of_scope_lessons_are_not_found_and_nothing_is_stored()
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        var national = await _host.UserAsync(Demo.National);
        var before = await CountsAsync();

        var outcomes = new[]
        {
            await RunAsync(l => l.AddAsync(manager, Demo.OtherConsortium, Valid("Sneaked in"), CancellationToken.None)),
            await RunAsync(l => l.AddAsync(national, Demo.LeadsConsortium, Valid("Read only"), CancellationToken.None)),
            await RunAsync(l => l.AddAsync(null, Demo.LeadsConsortium, Valid("Nobody"), CancellationToken.None)),
        };

        Assert.All(outcomes, o => Assert.Equal(EditStatus.NotFound, o.Status));
        Assert.Empty(await RunAsync(l => l.ListAsync(manager, Demo.OtherConsortium, CancellationToken.None)));
        Assert.Empty(await RunAsync(l => l.ListAsync(null, Demo.LeadsConsortium, CancellationToken.None)));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Every_problem_is_named_by_its_input_and_nothing_is_stored()
    {
        var lead = await _host.UserAsync(Demo.ConsortiumLead);
        var before = await CountsAsync();

        var outcome = await RunAsync(l => l.AddAsync(lead, Demo.LeadsConsortium,
            new LessonForm { Domain = "finance", Title = new string('t', Lesson.TitleMaxLength + 1), Body = "" }, CancellationToken.None));

        Assert.Equal(EditStatus.Invalid, outcome.Status);
        Assert.Equal(
            [
                (LessonForm.DomainField, "Select the domain the lesson is about"),
                (LessonForm.TitleField, "Title must be 150 characters or fewer"),
                (LessonForm.BodyField, "Enter what you learned"),
            ],
            outcome.Problems.Select(p => (p.Field, p.Message)));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_page_of_lessons_is_searched_filtered_sorted_and_paged_by_the_database()
    {
        var lead = await _host.UserAsync(Demo.ConsortiumLead);
        await ArrangeAsync(db =>
        {
            for (var i = 1; i <= 12; i++)
            {
                db.Lessons.Add(new Lesson(Demo.LeadsConsortium, i <= 3 ? "workforce" : "governance", $"Lesson {i:00}", i == 5 ? "We asked the LMC early." : "Body", i == 9 ? "zed@example.nhs.uk" : "lead@example.nhs.uk", January.AddDays(i)));
            }

            db.Lessons.Add(new Lesson(Demo.OtherConsortium, "governance", "Elsewhere", "LMC", "other@example.nhs.uk", January));
        });

        var first = await PageAsync(lead, new LessonListQuery());
        var second = await PageAsync(lead, new LessonListQuery(Page: 2));
        var beyond = await PageAsync(lead, new LessonListQuery(Page: 5));
        var byTitle = await PageAsync(lead, new LessonListQuery(Sort: "title", Descending: true));
        var byAuthor = await PageAsync(lead, new LessonListQuery(Sort: "author", Descending: true));
        var workforce = await PageAsync(lead, new LessonListQuery(Domain: "workforce"));
        var searched = await PageAsync(lead, new LessonListQuery(Search: "lmc"));
        var byDomainName = await PageAsync(lead, new LessonListQuery(Search: "WORKFORCE"));

        Assert.Equal((1, 2, 12, 12, LessonListQuery.PageSize), (first!.Page, first.PageCount, first.Matching, first.Total, first.Lessons.Count));
        Assert.Equal("Lesson 12", first.Lessons[0].Title);
        Assert.Equal(2, second!.Page);
        Assert.Equal(["Lesson 02", "Lesson 01"], second.Lessons.Select(l => l.Title));
        Assert.Equal(2, beyond!.Page);
        Assert.Equal("Lesson 12", byTitle!.Lessons[0].Title);
        Assert.Equal("Lesson 09", byAuthor!.Lessons[0].Title);
        Assert.Equal(["Lesson 03", "Lesson 02", "Lesson 01"], workforce!.Lessons.Select(l => l.Title));
        Assert.Equal((1, 12), (searched!.Matching, searched.Total));
        Assert.Equal("Lesson 05", Assert.Single(searched.Lessons).Title);
        Assert.Equal(3, byDomainName!.Matching);
        Assert.Null(await PageAsync(lead, new LessonListQuery(), Demo.OtherConsortium));
        Assert.Null(await PageAsync(null, new LessonListQuery()));
    }

    [Fact]
    public async Task The_lessons_export_holds_every_lesson_the_grid_finds_in_its_order_not_one_page()
    {
        var lead = await _host.UserAsync(Demo.ConsortiumLead);
        await ArrangeAsync(db =>
        {
            for (var i = 1; i <= 12; i++)
            {
                db.Lessons.Add(new Lesson(Demo.LeadsConsortium, i <= 11 ? "governance" : "workforce", $"Lesson {i:00}", i == 2 ? "=HYPERLINK(\"x\")" : "Body", "lead@example.nhs.uk", January.AddDays(i)));
            }

            db.Lessons.Add(new Lesson(Demo.OtherConsortium, "governance", "Elsewhere", "Body", "other@example.nhs.uk", January));
        });

        var csv = await RunAsync(l => l.ExportAsync(lead, Demo.LeadsConsortium, null, "governance", "title", "asc", ExportFormat.Csv, CancellationToken.None));
        var excel = await RunAsync(l => l.ExportAsync(lead, Demo.LeadsConsortium, null, null, null, null, ExportFormat.Excel, CancellationToken.None));

        var lines = System.Text.Encoding.UTF8.GetString(csv!.File!.Bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("lessons-00G.csv", csv.File.FileName);
        Assert.Equal("Lesson,Text,Domain,Written by,Written", lines[0]);
        Assert.Equal([.. Enumerable.Range(1, 11).Select(i => $"Lesson {i:00}")], lines.Skip(1).Select(l => l.Split(',')[0]));
        Assert.Equal("Lesson 01,Body,Governance and accountability,lead@example.nhs.uk,\"11 Jan 2011, 09:00 (UK time)\"", lines[1]);
        Assert.StartsWith("Lesson 02,\"'=HYPERLINK(", lines[2], StringComparison.Ordinal);
        using var stream = new MemoryStream(excel!.File!.Bytes);
        var rows = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(12, rows.Count);
        Assert.Equal("Lesson 12", rows[0]["Lesson"]);
        Assert.Equal("Workforce", ((string)rows[0]["Domain"])[..9]);
    }

    [Fact]
    public async Task The_lessons_export_refuses_values_it_cannot_use_and_is_not_found_out_of_scope()
    {
        var lead = await _host.UserAsync(Demo.ConsortiumLead);

        var refused = await RunAsync(l => l.ExportAsync(lead, Demo.LeadsConsortium, null, "finance", null, null, ExportFormat.Csv, CancellationToken.None));

        Assert.Null(refused!.File);
        Assert.Single(refused.Notes);
        Assert.Null(await RunAsync(l => l.ExportAsync(lead, Demo.OtherConsortium, null, null, null, null, ExportFormat.Csv, CancellationToken.None)));
        Assert.Null(await RunAsync(l => l.ExportAsync(null, Demo.LeadsConsortium, null, null, null, null, ExportFormat.Excel, CancellationToken.None)));
    }

    [Fact]
    public void The_lesson_list_query_reads_the_address_and_notes_what_it_cannot_use()
    {
        var (plain, none) = LessonListQuery.Parse(null, null, null, null, null);
        var (asked, _) = LessonListQuery.Parse(" board ", "Workforce", "title", "desc", "3");
        var (bad, notes) = LessonListQuery.Parse(new string('x', LessonListQuery.LongestSearch + 1), "finance", "colour", "up", "0");

        Assert.Equal(new LessonListQuery(null, null, "written", true, 1), plain);
        Assert.Empty(none);
        Assert.Equal(new LessonListQuery("board", "workforce", "title", true, 3), asked);
        Assert.False(asked.InDefaultDirection);
        Assert.Equal(new LessonListQuery(null, null, "written", false, 1), bad);
        Assert.Equal(5, notes.Count);
    }

    private static Assessment Submitted(string consortium, DateTime at, string[]? met = null, string[]? inProgress = null)
    {
        var framework = ShippedFrameworks.DefaultFramework;
        var responses = framework.Criteria
            .Select(c => CriterionResponse.WithStatus(
                c.Id,
                met?.Contains(c.DomainId) == true ? ResponseStatus.Met
                : inProgress?.Contains(c.DomainId) == true ? ResponseStatus.InProgress
                : ResponseStatus.NotStarted))
            .ToList();
        var assessment = new Assessment(consortium, framework.Id, framework.Version, "test", at);
        foreach (var response in responses)
        {
            assessment.Answer(response.CriterionId, response.Status, null, null, "test", at);
        }

        assessment.Submit(ReadinessScorer.Score(framework, responses), "{}", "test", at);
        return assessment;
    }

    private static Lesson Written(string consortium, string domain, string title, DateTime at) =>
        new(consortium, domain, title, $"Body of {title}", "test", at);

    private static LessonForm Valid(string title) => new() { Domain = "governance", Title = title, Body = "Should not be saved." };

    private Task<T> RunAsync<T>(Func<LessonLibrary, Task<T>> use) => _host.RunAsync(use);

    private Task<LessonListPage?> PageAsync(ActingUser? user, LessonListQuery query, string consortium = Demo.LeadsConsortium) =>
        RunAsync(l => l.PageAsync(user, consortium, query, CancellationToken.None));

    private async Task<(int Lessons, int Audited)> CountsAsync()
    {
        await using var db = _host.OpenContext();
        return (await db.Lessons.CountAsync(), await db.AuditEntries.CountAsync());
    }

    private async Task ArrangeAsync(Action<TransitionTrackerDbContext> arrange)
    {
        await using var db = _host.OpenContext();

        // Only what the test arranges: demo data may hold assessments and lessons of its own.
        await db.Lessons.ExecuteDeleteAsync();
        await db.DomainScores.ExecuteDeleteAsync();
        await db.AssessmentResponses.ExecuteDeleteAsync();
        await db.Assessments.ExecuteDeleteAsync();
        arrange(db);
        await db.SaveChangesAsync();
    }

    /// <summary>The lessons offered to the consortium, as the lead of 00G reads them.</summary>
    private async Task<IReadOnlyList<LessonFromOthers>> ForWeakestDomainsAsync(string consortiumCode, IReadOnlyList<string> domains) =>
        await ForWeakestDomainsAsync(consortiumCode, domains, await _host.UserAsync(Demo.ConsortiumLead));

    private Task<IReadOnlyList<LessonFromOthers>> ForWeakestDomainsAsync(string consortiumCode, IReadOnlyList<string> domains, ActingUser? user) =>
        RunAsync(l => l.ForWeakestDomainsAsync(user, consortiumCode, domains, CancellationToken.None));
}
