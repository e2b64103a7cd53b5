using System.Net;
using System.Text;
using MiniExcelLibs;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Exports;

/// <summary>Each export downloaded as a person's browser does: a named attachment, readable headings and values, the grid's scope.</summary>
[Collection(SharedAppCollection.Name)]
public sealed class ExportDownloadTests(TransitionTrackerFactory factory)
{
    private const string Excel = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [Theory]
    [InlineData("/regions/Q30/consortia.csv?track=needs-support&sort=score&dir=desc", "consortia-Q30.csv", "Code,Consortium,Host PCT,Stage,Population,Score,Track,Computed track,Regional decision,Last assessed,Forecast,At risk for April 2013", "Needs support")]
    [InlineData("/regions/Q30/heatmap.csv", "domain-scores-Q30.csv", "Code,Consortium,Clinical leadership and m", null)]
    [InlineData("/consortia/00G/lessons.csv", "lessons-00G.csv", "Lesson,Text,Domain,Written by,Written", null)]
    [InlineData("/consortia/00G/register.csv?sort=person", "register-of-interests-00G.csv", "Person,Interest,Date declared,How it is managed", null)]
    [InlineData("/consortia/00G/changes.csv?order=oldest", "changes-00G.csv", "When,Who,What,Details", null)]
    [InlineData("/consortia/00G/members.csv?q=5D7", "member-practices-00G.csv", "Practice,Code,PCT,Joined,List size", "5D7")]
    [InlineData("/consortia/00G/actions.csv", "support-actions-00G.csv", "Criterion,Criterion text,Action,Owner,Due,Status,Flag", null)]
    [InlineData("/pcts/5D7/practices.csv?q=00G", "practices-5D7.csv", "Practice,Code,Consortium,List size,PCT inferred", "00G")]
    public async Task A_regional_lead_downloads_a_csv_attachment_in_utf8_with_a_byte_order_mark(string url, string fileName, string headings, string? value)
    {
        using var lead = factory.CreateClientFor(DemoAccountSeeder.Regional("Q30"));

        var response = await lead.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(fileName, response.Content.Headers.ContentDisposition.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith(headings, lines[0], StringComparison.Ordinal);
        if (value is not null)
        {
            Assert.All(lines.Skip(1), l => Assert.Contains($",{value},", l, StringComparison.Ordinal));
            Assert.True(lines.Length > 1);
        }
    }

    [Fact]
    public async Task A_regional_lead_downloads_the_region_grid_as_an_excel_workbook_with_its_filters()
    {
        using var lead = factory.CreateClientFor(DemoAccountSeeder.Regional("Q30"));
        var csv = await lead.GetStringAsync("/regions/Q30/consortia.csv?stage=pathfinder&sort=name");

        var response = await lead.GetAsync("/regions/Q30/consortia.xlsx?stage=pathfinder&sort=name");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Excel, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("consortia-Q30.xlsx", response.Content.Headers.ContentDisposition.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true, sheetName: "Consortia").Cast<IDictionary<string, object>>().ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal("Pathfinder", r["Stage"]));
        Assert.Equal(csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')[0]), rows.Select(r => (string)r["Code"]));
    }

    [Fact]
    public async Task A_national_viewer_downloads_the_national_dashboard_as_a_workbook_of_one_sheet_per_table_and_each_table_as_csv()
    {
        using var national = factory.CreateClientFor(DemoAccountSeeder.National);

        var workbook = await national.GetAsync("/national/dashboard.xlsx?from=2011-03&to=2012-03");
        var regions = await national.GetStringAsync("/national/regions.csv");
        var trend = await national.GetAsync("/national/trend.xlsx");

        Assert.Equal(HttpStatusCode.OK, workbook.StatusCode);
        Assert.Equal("national-dashboard.xlsx", workbook.Content.Headers.ContentDisposition!.FileNameStar ?? workbook.Content.Headers.ContentDisposition.FileName);
        using var stream = new MemoryStream(await workbook.Content.ReadAsByteArrayAsync());
        Assert.Equal(["By region", "Track trend", "Competencies"], stream.GetSheetNames());
        var byRegion = stream.Query(useHeaderRow: true, sheetName: "By region").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal("England", byRegion[^1]["Region"]);
        Assert.Contains(byRegion, r => Equals(r["Region"], "North East"));
        Assert.Contains("Mean March 2011", stream.Query(useHeaderRow: true, sheetName: "Competencies").Cast<IDictionary<string, object>>().First().Keys);
        Assert.StartsWith("Region code,Region,Consortia,Fast movers,Needs support,Population in fast movers (%)", regions, StringComparison.Ordinal);
        Assert.Equal(Excel, trend.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData("/regions/Q31/consortia.xlsx")]
    [InlineData("/regions/Q31/heatmap.xlsx")]
    [InlineData("/consortia/01G/lessons.xlsx")]
    [InlineData("/consortia/01G/lessons.csv")]
    [InlineData("/consortia/01G/register.xlsx")]
    [InlineData("/consortia/01G/actions.csv")]
    [InlineData("/consortia/01G/members.xlsx")]
    [InlineData("/consortia/01G/changes.csv")]
    [InlineData("/pcts/5F5/practices.xlsx")]
    [InlineData("/admin/users.xlsx")]
    [InlineData("/national/dashboard.xlsx")]
    [InlineData("/national/regions.csv")]
    public async Task A_user_outside_the_scope_gets_not_found_as_the_page_does(string url)
    {
        using var lead = factory.CreateClientFor(DemoAccountSeeder.Regional("Q30"));

        var response = await lead.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotEqual(Excel, response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/regions/Q30/consortia.xlsx?stage=finished", "not a stage")]
    [InlineData("/consortia/00G/lessons.xlsx?domain=finance", "not a domain")]
    [InlineData("/national/competencies.csv?from=2011-13", "not a month")]
    [InlineData("/national/people.csv", "no national table")]
    [InlineData("/national/dashboard.csv", "A CSV file holds one table")]
    [InlineData("/pcts/5D7/practices.csv?sort=colour", "colour")]
    [InlineData("/consortia/00G/register.xlsx?dir=sideways", "sideways")]
    [InlineData("/consortia/00G/changes.xlsx?kind=everything", "not a kind of change")]
    [InlineData("/consortia/00G/members.csv?q=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "longer than 100 characters")]
    public async Task A_filter_that_cannot_be_used_is_a_bad_request_saying_why(string url, string reason)
    {
        using var national = factory.CreateClientFor(DemoAccountSeeder.National);

        var response = await national.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_downloads_the_user_list_with_its_role_filter()
    {
        using var admin = factory.CreateClientFor(DemoAccountSeeder.Administrator);

        var response = await admin.GetAsync("/admin/users.xlsx?role=regional-lead&sort=name");
        var refused = await admin.GetAsync("/admin/users.csv?role=king");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("users.xlsx", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(["Email address", "Name", "Roles", "Status"], rows[0].Keys);
        Assert.Contains(rows, r => Equals(r["Email address"], DemoAccountSeeder.Regional("Q30")));
        Assert.All(rows, r => Assert.Contains("Regional lead", (string)r["Roles"], StringComparison.OrdinalIgnoreCase));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    [Fact]
    public async Task The_pages_link_to_their_exports_with_their_filters()
    {
        using var national = factory.CreateClientFor(DemoAccountSeeder.National);

        var (_, region) = await HtmlPage.GetAsync(national, "/regions/Q30?track=fast-mover");
        var (_, dashboard) = await HtmlPage.GetAsync(national, "/national?from=2011-06");

        Assert.Equal("/regions/Q30/consortia.xlsx?track=fast-mover", region.QuerySelector("#export-consortia-xlsx")!.GetAttribute("href"));
        Assert.Equal("/regions/Q30/heatmap.xlsx", region.QuerySelector("#export-heatmap-xlsx")!.GetAttribute("href"));
        Assert.Equal("/national/dashboard.xlsx?from=2011-06&to=2012-03", dashboard.QuerySelector("#export-national")!.GetAttribute("href"));
        Assert.Equal("/national/regions.csv", dashboard.QuerySelector("#export-regions")!.GetAttribute("href"));
        Assert.Equal("/national/competencies.xlsx?from=2011-06&to=2012-03", dashboard.QuerySelector("#export-competencies-xlsx")!.GetAttribute("href"));
        var (_, pct) = await HtmlPage.GetAsync(national, "/pcts/5D7?sort=code&dir=desc&page=2");
        Assert.Equal("/pcts/5D7/practices.xlsx?sort=code&dir=desc", pct.QuerySelector("#export-practices-xlsx")!.GetAttribute("href"));
    }
}
