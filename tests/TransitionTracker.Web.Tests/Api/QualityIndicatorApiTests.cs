using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using TransitionTracker.Application.Quality;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Web.Api;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Api;

public sealed class QualityIndicatorApiTests : IDisposable
{
    private const string Quality = "/api/pcts/5D7/quality";

    // Every month 5D7 has reported, as a script reads them: what "nothing changed" is checked against.
    private const string Everything = Quality + "?months=240";

    // The demo data reports October 2010 to March 2013; these months are not reported yet.
    private const string NewMonth = Quality + "/2013-04";

    private readonly TransitionTrackerFactory _factory = new();

    private static object Figures(decimal emergencyChange = 1.5m, object? revision = null) => new
    {
        qippPlanned = 1200.0m,
        qippDelivered = 1150.5m,
        emergencyChange,
        winterPlan = "agreed",
        rttAdmitted = 91.2m,
        rttNonAdmitted = 96.0m,
        revision,
    };

    [Fact]
    public async Task A_script_reports_a_month_changes_it_with_the_returned_revision_and_a_stale_change_is_a_409_that_changes_nothing()
    {
        var manager = _factory.CreateClientFor(DemoAccountSeeder.PctManager("5D7"));
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync(NewMonth)).StatusCode);

        var reported = await manager.PutAsJsonAsync(NewMonth, Figures());

        Assert.Equal(HttpStatusCode.OK, reported.StatusCode);
        var month = await reported.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("5D7", "2013-04", 1.5m, "agreed"), (month.GetProperty("pct").GetString(), month.GetProperty("month").GetString(), month.GetProperty("emergencyChange").GetDecimal(), month.GetProperty("winterPlan").GetString()));
        Assert.Equal(DemoAccountSeeder.PctManager("5D7"), month.GetProperty("recordedBy").GetString());
        var revision = month.GetProperty("revision").GetInt32();

        var changed = await manager.PutAsJsonAsync(NewMonth, Figures(emergencyChange: -2.4m, revision: revision));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var after = await changed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((-2.4m, revision + 1, "green"), (after.GetProperty("emergencyChange").GetDecimal(), after.GetProperty("revision").GetInt32(), after.GetProperty("rag").GetProperty("emergencyAdmissions").GetString()));
        var before = await manager.GetStringAsync(Everything);

        var stale = await manager.PutAsJsonAsync(NewMonth, Figures(emergencyChange: 9.9m, revision: revision));

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType!.MediaType);
        var problem = await stale.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(revision + 1, problem.GetProperty("revision").GetInt32());
        Assert.Equal(DemoAccountSeeder.PctManager("5D7"), problem.GetProperty("changedBy").GetString());
        Assert.Contains(problem.GetProperty("changes").EnumerateArray(), c => c.GetProperty("field").GetString() == "emergencyChange" && c.GetProperty("to").GetString() == "-2.4");
        Assert.Equal(-2.4m, problem.GetProperty("current").GetProperty("emergencyChange").GetDecimal());
        Assert.Equal(before, await manager.GetStringAsync(Everything));
    }

    [Theory]
    [InlineData(",\"revision\":null")]
    [InlineData("")]
    [InlineData(",\"revision\":0")]
    public async Task Sending_no_revision_means_no_record_was_read_so_a_month_already_reported_is_a_409_never_overwritten(string revision)
    {
        var manager = _factory.CreateClientFor(DemoAccountSeeder.PctManager("5D7"));
        var before = await manager.GetStringAsync(Everything);
        var body = $$"""{"qippPlanned":1200.0,"qippDelivered":1150.5,"emergencyChange":4.4,"winterPlan":"agreed","rttAdmitted":91.2,"rttNonAdmitted":96.0{{revision}}}""";

        // March 2013 is reported in the demo data.
        var response = await manager.PutAsync(Quality + "/2013-03", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("already reported", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("pct.5d7@demo.test", problem.GetProperty("changedBy").GetString());
        Assert.Equal(problem.GetProperty("current").GetProperty("revision").GetInt32(), problem.GetProperty("revision").GetInt32());
        Assert.Equal(before, await manager.GetStringAsync(Everything));
    }

    [Fact]
    public async Task A_script_that_read_no_record_is_refused_when_someone_reports_the_month_meanwhile()
    {
        var script = _factory.CreateClientFor(DemoAccountSeeder.PctManager("5D7"));
        var colleague = _factory.CreateClientFor(DemoAccountSeeder.PctManager("5D7"));
        Assert.Equal(HttpStatusCode.NotFound, (await script.GetAsync(NewMonth)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await colleague.PutAsJsonAsync(NewMonth, Figures(emergencyChange: 0.5m))).StatusCode);

        var late = await script.PutAsJsonAsync(NewMonth, Figures(emergencyChange: 7.0m));

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        var stored = await script.GetFromJsonAsync<JsonElement>(NewMonth);
        Assert.Equal((0.5m, 1), (stored.GetProperty("emergencyChange").GetDecimal(), stored.GetProperty("revision").GetInt32()));
    }

    [Fact]
    public async Task An_implausible_figure_is_a_400_naming_the_field_with_the_range_message_and_nothing_is_saved()
    {
        var manager = _factory.CreateClientFor(DemoAccountSeeder.PctManager("5D7"));
        var march = await manager.GetFromJsonAsync<JsonElement>(Quality + "/2013-03");
        var before = await manager.GetStringAsync(Everything);

        var added = await manager.PutAsJsonAsync(NewMonth, Figures(emergencyChange: 999m));
        var changed = await manager.PutAsJsonAsync(Quality + "/2013-03", Figures(emergencyChange: 999m, revision: march.GetProperty("revision").GetInt32()));

        foreach (var response in new[] { added, changed })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray().Single();
            Assert.Equal(("$.emergencyChange", QualityIndicatorRules.EmergencyChange.OutOfRange), (problem.GetProperty("path").GetString(), problem.GetProperty("message").GetString()));
        }

        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync(NewMonth)).StatusCode);
        Assert.Equal(before, await manager.GetStringAsync(Everything));
    }

    [Theory]
    [InlineData("""{"qippPlanned":1200,"qippDelivered":1100,"emergencyChange":1,"winterPlan":"agreed","rttAdmitted":91}""", "$.rttNonAdmitted")]
    [InlineData("""{"qippPlanned":1200,"qippDelivered":3000,"emergencyChange":1,"winterPlan":"agreed","rttAdmitted":91,"rttNonAdmitted":96}""", "$.qippDelivered")]
    [InlineData("""{"qippPlanned":1200,"qippDelivered":1100,"emergencyChange":1,"winterPlan":"sort of","rttAdmitted":91,"rttNonAdmitted":96}""", "$.winterPlan")]
    [InlineData("""{"qippPlanned":1200,"qippDelivered":1100,"emergencyChange":1,"winterPlan":"agreed","rttAdmitted":40,"rttNonAdmitted":96}""", "$.rttAdmitted")]
    [InlineData("""{"qippPlanned":"1200","qippDelivered":1100,"emergencyChange":1,"winterPlan":"agreed","rttAdmitted":91,"rttNonAdmitted":96}""", "$.qippPlanned")]
    [InlineData("""{"qippPlanned":1e400,"qippDelivered":1100,"emergencyChange":1,"winterPlan":"agreed","rttAdmitted":91,"rttNonAdmitted":96}""", "$.qippPlanned")]
    [InlineData("""{"qippPlanned":1200,"qippDelivered":1100,"emergencyChange":1,"winterPlan":3,"rttAdmitted":91,"rttNonAdmitted":96}""", "$.winterPlan")]
    [InlineData("""{"qippPlanned":1200,"qippDelivered":1100,"emergencyChange":1,"winterPlan":"agreed","rttAdmitted":91,"rttNonAdmitted":96,"revision":"one"}""", "$.revision")]
    [InlineData("""{"qippPlanned":1200,"qippDelivered":1100,"emergencyChange":1,"winterPlan":"agreed","rttAdmitted":91,"rttNonAdmitted":96,"month":"2013-05"}""", "$.month")]
    [InlineData("""[1200,1100]""", "$")]
    public async Task Invalid_bodies_are_400_problems_naming_the_field_and_save_nothing(string body, string path)
    {
        var manager = _factory.CreateClientFor(DemoAccountSeeder.PctManager("5D7"));
        var before = await manager.GetStringAsync(Everything);

        var response = await manager.PutAsync(NewMonth, new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problems = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("path").GetString());
        Assert.Contains(path, problems);
        Assert.Equal(before, await manager.GetStringAsync(Everything));
    }

    [Fact]
    public async Task A_revision_of_a_month_that_is_not_reported_is_a_404_that_saves_nothing()
    {
        var manager = _factory.CreateClientFor(DemoAccountSeeder.PctManager("5D7"));

        var response = await manager.PutAsJsonAsync(NewMonth, Figures(revision: 3));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("revision null", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync(NewMonth)).StatusCode);
    }

    [Theory]
    [InlineData("2013-13")]
    [InlineData("2013-4")]
    [InlineData("April%202013")]
    [InlineData("2013-04-01")]
    [InlineData("import")]
    public async Task A_month_in_the_address_that_is_not_YYYY_MM_is_a_400_naming_it_and_saves_nothing(string month)
    {
        var manager = _factory.CreateClientFor(DemoAccountSeeder.PctManager("5D7"));
        var before = await manager.GetStringAsync(Everything);

        var read = await manager.GetAsync($"{Quality}/{month}");
        var put = await manager.PutAsJsonAsync($"{Quality}/{month}", Figures());

        foreach (var response in new[] { read, put })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray().Single();
            Assert.Equal("month", problem.GetProperty("path").GetString());
            Assert.Contains("YYYY-MM", problem.GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(before, await manager.GetStringAsync(Everything));
    }

    [Fact]
    public async Task A_month_outside_the_use_cases_range_is_refused_with_its_message_and_reads_as_not_reported()
    {
        var manager = _factory.CreateClientFor(DemoAccountSeeder.PctManager("5D7"));

        var put = await manager.PutAsJsonAsync(Quality + "/1999-12", Figures());

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        var problem = (await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray().Single();
        Assert.Equal(("month", "Month must be a month from 2000 up to next month"), (problem.GetProperty("path").GetString(), problem.GetProperty("message").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync(Quality + "/1999-12")).StatusCode);
    }

    [Fact]
    public async Task The_list_is_the_latest_months_newest_first_each_with_its_revision_and_a_bad_count_is_a_400()
    {
        var regional = _factory.CreateClientFor(DemoAccountSeeder.Regional("Q30"));

        var three = await regional.GetFromJsonAsync<JsonElement[]>(Quality + "?months=3");
        var usual = await regional.GetFromJsonAsync<JsonElement[]>(Quality);

        Assert.Equal(new[] { "2013-03", "2013-02", "2013-01" }, three!.Select(m => m.GetProperty("month").GetString()));
        Assert.All(three!, m => Assert.True(m.GetProperty("revision").GetInt32() >= 1));
        Assert.Equal(QualityIndicatorApi.DefaultMonths, usual!.Length);
        Assert.Equal(30, (await regional.GetFromJsonAsync<JsonElement[]>(Everything))!.Length);
        foreach (var bad in new[] { "0", "241", "-1", "abc", "2.5" })
        {
            var response = await regional.GetAsync($"{Quality}?months={bad}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("months", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems")[0].GetProperty("path").GetString());
        }
    }

    [Fact]
    public async Task A_csv_file_from_the_template_is_imported_and_returns_the_months_saved_with_their_revisions()
    {
        var manager = _factory.CreateClientFor(DemoAccountSeeder.PctManager("5D7"));
        var march = await manager.GetFromJsonAsync<JsonElement>(Quality + "/2013-03");
        var csv = new StringBuilder("\uFEFF" + string.Join(",", QualityIndicatorEntry.Header) + "\r\n")
            .Append("2013-05,1000,990.5,-0.5,tested,92.5,96.5\r\n")
            .Append("2013-03,1000,800,2.5,draft,88.0,94.0\r\n")
            .ToString();

        var response = await manager.PostAsync(Quality + "/import", Csv(csv));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var imported = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, imported.GetProperty("saved").GetInt32());
        var months = imported.GetProperty("months").EnumerateArray().ToList();
        Assert.Equal(new[] { "2013-03", "2013-05" }, months.Select(m => m.GetProperty("month").GetString()));
        Assert.Equal(march.GetProperty("revision").GetInt32() + 1, months[0].GetProperty("revision").GetInt32());
        Assert.Equal(1, months[1].GetProperty("revision").GetInt32());
        var may = await manager.GetFromJsonAsync<JsonElement>(Quality + "/2013-05");
        Assert.Equal((990.5m, "tested"), (may.GetProperty("qippDelivered").GetDecimal(), may.GetProperty("winterPlan").GetString()));
        Assert.Equal("draft", (await manager.GetFromJsonAsync<JsonElement>(Quality + "/2013-03")).GetProperty("winterPlan").GetString());
    }

    [Fact]
    public async Task A_csv_file_with_a_bad_row_is_a_400_naming_the_row_and_field_and_saves_none_of_its_months()
    {
        var manager = _factory.CreateClientFor(DemoAccountSeeder.PctManager("5D7"));
        var before = await manager.GetStringAsync(Everything);
        var csv = string.Join(",", QualityIndicatorEntry.Header) + "\n"
            + "2013-05,1000,990.5,-0.5,tested,92.5,96.5\n"
            + "2013-06,1000,990.5,999,tested,92.5,96.5\n";

        var response = await manager.PostAsync(Quality + "/import", Csv(csv));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray().Single();
        Assert.Equal((3, "emergency-change"), (problem.GetProperty("row").GetInt32(), problem.GetProperty("field").GetString()));
        Assert.Equal($"Row 3: {QualityIndicatorRules.EmergencyChange.OutOfRange}", problem.GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync(Quality + "/2013-05")).StatusCode);
        Assert.Equal(before, await manager.GetStringAsync(Everything));
    }

    [Fact]
    public async Task A_file_that_is_not_the_template_not_csv_too_large_empty_or_not_utf8_is_refused_and_saves_nothing()
    {
        var manager = _factory.CreateClientFor(DemoAccountSeeder.PctManager("5D7"));
        var before = await manager.GetStringAsync(Everything);
        var header = string.Join(",", QualityIndicatorEntry.Header) + "\n";
        var notUtf8 = new ByteArrayContent(Encoding.UTF8.GetBytes(header + "2013-05,1000,990.5,-0.5,#,92.5,96.5\n").Select(b => b == (byte)'#' ? (byte)0xFF : b).ToArray());
        notUtf8.Headers.ContentType = new("text/csv");
        var tooLarge = header + string.Concat(Enumerable.Repeat("2013-05,1000,990.5,-0.5,tested,92.5,96.5\n", 2000));

        (HttpContent Body, HttpStatusCode Expected, string Says)[] cases =
        [
            (Csv("month,qipp\n2013-05,1000\n"), HttpStatusCode.BadRequest, "The first row must be the template's header"),
            (Csv(header), HttpStatusCode.BadRequest, "no rows after the header"),
            (Csv(""), HttpStatusCode.BadRequest, "The file is empty"),
            (notUtf8, HttpStatusCode.BadRequest, "not UTF-8"),
            (Csv(tooLarge), HttpStatusCode.RequestEntityTooLarge, "at most 64 KB"),
            (new StringContent(header + "2013-05,1000,990.5,-0.5,tested,92.5,96.5\n", Encoding.UTF8, "application/json"), HttpStatusCode.UnsupportedMediaType, "text/csv"),
            (new StringContent(header, Encoding.Latin1, "text/csv"), HttpStatusCode.UnsupportedMediaType, "UTF-8"),
        ];

        foreach (var (body, expected, says) in cases)
        {
            var response = await manager.PostAsync(Quality + "/import", body);
            Assert.Equal(expected, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains(says, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(before, await manager.GetStringAsync(Everything));
    }

    [Fact]
    public async Task Only_managers_of_the_pct_enter_indicators_and_others_change_nothing()
    {
        var manager = _factory.CreateClientFor(DemoAccountSeeder.PctManager("5D7"));
        var march = await manager.GetFromJsonAsync<JsonElement>(Quality + "/2013-03");
        var before = await manager.GetStringAsync(Everything);
        var csv = string.Join(",", QualityIndicatorEntry.Header) + "\n2013-05,1000,990.5,-0.5,tested,92.5,96.5\n";

        foreach (var email in new[] { DemoAccountSeeder.ConsortiumLead("00G"), DemoAccountSeeder.Regional("Q30"), DemoAccountSeeder.PctManager("5D8"), DemoAccountSeeder.National })
        {
            var client = _factory.CreateClientFor(email);
            foreach (var response in new[]
            {
                await client.PutAsJsonAsync(NewMonth, Figures()),
                await client.PutAsJsonAsync(Quality + "/2013-03", Figures(revision: march.GetProperty("revision").GetInt32())),
                await client.PostAsync(Quality + "/import", Csv(csv)),
            })
            {
                Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{email}: {response.StatusCode}");
            }
        }

        // Readers of the PCT read it; others are told it is not theirs, as for an unknown code.
        Assert.Equal(HttpStatusCode.OK, (await _factory.CreateClientFor(DemoAccountSeeder.Regional("Q30")).GetAsync(Quality + "/2013-03")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _factory.CreateClientFor(DemoAccountSeeder.PctManager("5D8")).GetAsync(Quality)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _factory.CreateClientFor(DemoAccountSeeder.ConsortiumLead("00G")).GetAsync(Quality + "/2013-03")).StatusCode);
        Assert.Equal(before, await manager.GetStringAsync(Everything));
    }

    private static StringContent Csv(string text) => new(text, new UTF8Encoding(false), "text/csv");

    public void Dispose() => _factory.Dispose();
}
