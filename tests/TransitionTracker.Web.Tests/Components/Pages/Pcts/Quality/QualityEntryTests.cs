using System.Net;
using System.Text;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TransitionTracker.Data;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Domain.Quality;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Components.Pages.Pcts.Quality;

[Collection(SharedAppCollection.Name)]
public sealed class QualityEntryTests(TransitionTrackerFactory factory)
{
    private const string Page = "/pcts/5D7/quality";
    private const string Header = "month,qipp_planned_k,qipp_delivered_k,emergency_admissions_change_pct,winter_plan,rtt_admitted_pct,rtt_non_admitted_pct";
    private readonly HttpClient _manager = factory.CreateClientFor(DemoAccountSeeder.PctManager("5D7"));

    [Fact]
    public async Task Template_has_the_header_the_upload_expects()
    {
        var response = await _manager.GetAsync("/pcts/5D7/quality/template.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith(Header + "\r\n", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_month_entered_in_the_form_is_saved_with_its_red_amber_green()
    {
        var response = await FormPost.SubmitAsync(_manager, Page, "quality-month", new Dictionary<string, string>
        {
            ["Input.Month"] = "2009-06",
            ["Input.QippPlanned"] = "1000",
            ["Input.QippDelivered"] = "850",
            ["Input.EmergencyChange"] = "-0.5",
            ["Input.WinterPlan"] = "draft",
            ["Input.RttAdmitted"] = "89.0",
            ["Input.RttNonAdmitted"] = "96.5",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await IndicatorAsync(new DateOnly(2009, 6, 1));
        Assert.NotNull(saved);
        Assert.Equal(850m, saved.QippDeliveredThousands);
        Assert.Equal(Rag.Amber, saved.QippRag);
        Assert.Equal(Rag.Green, saved.EmergencyAdmissionsRag);
        Assert.Equal(Rag.Amber, saved.RttAdmittedRag);
        Assert.Equal(DemoAccountSeeder.PctManager("5D7"), saved.RecordedBy);
    }

    [Fact]
    public async Task Form_with_bad_values_lists_each_problem_and_keeps_what_was_typed()
    {
        var response = await FormPost.SubmitAsync(_manager, Page, "quality-month", new Dictionary<string, string>
        {
            ["Input.Month"] = "June",
            ["Input.QippPlanned"] = "-5",
            ["Input.QippDelivered"] = "100",
            ["Input.EmergencyChange"] = "1",
            ["Input.WinterPlan"] = "",
            ["Input.RttAdmitted"] = "101",
            ["Input.RttNonAdmitted"] = "95",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await HtmlPage.ParseAsync(await response.Content.ReadAsStringAsync());
        var problems = page.QuerySelectorAll(".nhsuk-error-summary__list a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["#month", "#qipp-planned", "#winter-plan", "#rtt-admitted"], problems);
        Assert.Equal("June", page.QuerySelector("input#month")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Upload_with_any_bad_row_is_refused_whole_listing_every_bad_row_and_field()
    {
        var before = await CountAsync();
        var csv = new StringBuilder()
            .Append(Header).Append("\r\n")
            .Append("2008-01,500,480,1.0,agreed,91.0,96.0\r\n")
            .Append("2008-02,abc,480,1.0,agreed,91.0,96.0\r\n")
            .Append("2008-03,500,480,1.0,sometime,91.0,150\r\n")
            .Append("2008-01,500,480,1.0,agreed,91.0,96.0\r\n")
            .Append("2008-04,500,480\r\n")
            .ToString();

        var response = await UploadAsync(csv);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await HtmlPage.ParseAsync(await response.Content.ReadAsStringAsync());
        var problems = page.QuerySelectorAll(".nhsuk-error-summary__list li").Select(li => li.Text()).ToList();
        Assert.Equal(5, problems.Count);
        Assert.StartsWith("Row 3: QIPP planned", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("Row 4: Winter plan", problems[1], StringComparison.Ordinal);
        Assert.StartsWith("Row 4: RTT non-admitted", problems[2], StringComparison.Ordinal);
        Assert.Contains("also in row 2", problems[3], StringComparison.Ordinal);
        Assert.StartsWith("Row 6 has 3 values", problems[4], StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
        Assert.Null(await IndicatorAsync(new DateOnly(2008, 1, 1)));
    }

    [Fact]
    public async Task Upload_of_good_rows_saves_every_month_and_replaces_one_already_reported()
    {
        var csv = Header + "\r\n2007-01,300,290.5,2.5,tested,92.0,97.0\r\n2007-02,300,200,4.0,not-started,85.0,90.0\r\n";
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(csv)).StatusCode);
        var replaced = Header + "\r\n2007-02,300,299,0,agreed,90.0,95.0\r\n";

        var response = await UploadAsync(replaced);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(290.5m, (await IndicatorAsync(new DateOnly(2007, 1, 1)))!.QippDeliveredThousands);
        var february = (await IndicatorAsync(new DateOnly(2007, 2, 1)))!;
        Assert.Equal(299m, february.QippDeliveredThousands);
        Assert.Equal(WinterPlanStatus.Agreed, february.WinterPlan);
        Assert.Equal(Rag.Green, february.RttNonAdmittedRag);
    }

    [Fact]
    public async Task Upload_without_the_template_header_is_refused()
    {
        var before = await CountAsync();

        var response = await UploadAsync("when,planned\r\n2006-01,1\r\n");

        var page = await HtmlPage.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Contains("header", page.QuerySelector(".nhsuk-error-summary")!.Text(), StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
    }

    private async Task<HttpResponseMessage> UploadAsync(string csv)
    {
        var (_, page) = await HtmlPage.GetAsync(_manager, Page);
        var form = page.QuerySelectorAll("form").Single(f => f.QuerySelector("input[name=_handler][value='quality-upload']") is not null);
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in FormPost.ValuesOf(form))
        {
            content.Add(new StringContent(value), name);
        }

        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        content.Add(file, "file", "indicators.csv");
        return await _manager.PostAsync(form.GetAttribute("action") ?? Page, content);
    }

    private async Task<int> CountAsync()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>();
        return await db.QualityIndicators.CountAsync(q => q.PctCode == "5D7");
    }

    private async Task<QualityIndicator?> IndicatorAsync(DateOnly month)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>();
        return await db.QualityIndicators.AsNoTracking().SingleOrDefaultAsync(q => q.PctCode == "5D7" && q.Month == month);
    }
}
