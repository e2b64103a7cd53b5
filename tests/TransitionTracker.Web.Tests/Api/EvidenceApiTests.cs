using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Domain.Evidence;
using TransitionTracker.Domain.Frameworks;
using TransitionTracker.TestSupport;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Api;

/// <summary>
/// Evidence files through the API: a PCT manager posts a file to a draft's answer; it is served only as a download
/// with its own type and nosniff, to those who may read the consortium; a bad upload is a problem and stores nothing.
/// </summary>
public sealed class EvidenceApiTests : IDisposable
{
    private const string Current = "/api/consortia/00H/assessments/current";
    private static readonly string Criterion = ShippedFrameworks.DefaultFramework.Criteria[0].Id;
    private readonly TransitionTrackerFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_file_posted_to_an_answer_is_served_only_as_a_download_of_its_own_type_to_readers_of_the_consortium()
    {
        var manager = _factory.CreateClientFor(DemoAccountSeeder.PctManager("5D7"));
        var (id, revision) = await DraftAsync(manager);
        var pdf = EvidenceSamples.Pdf();

        var posted = await manager.PostAsync(Attachments(id), File(pdf, "C:\\fakepath\\Board minutes: 2011?.pdf"));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var file = await posted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Board minutes 2011.pdf", file.GetProperty("fileName").GetString());
        Assert.Equal("application/pdf", file.GetProperty("type").GetString());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)), file.GetProperty("sha256").GetString());
        var download = file.GetProperty("download").GetString()!;

        // Submitted, the assessment is read by everyone who may read 00H (a draft only by its editors).
        (await manager.PostAsJsonAsync(Current + "/submit", new { revision })).EnsureSuccessStatusCode();
        foreach (var reader in new[] { DemoAccountSeeder.PctManager("5D7"), DemoAccountSeeder.Regional("Q30"), DemoAccountSeeder.National })
        {
            using var response = await _factory.CreateClientFor(reader).GetAsync(download);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(pdf, await response.Content.ReadAsByteArrayAsync());
            Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
            Assert.Equal("Board minutes 2011.pdf", response.Content.Headers.ContentDisposition.FileNameStar);
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
        }

        // Another region's lead, a lead of another consortium, and nobody signed in are not told it exists.
        Assert.Equal(HttpStatusCode.NotFound, (await _factory.CreateClientFor(DemoAccountSeeder.Regional("Q31")).GetAsync(download)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _factory.CreateClientFor(DemoAccountSeeder.ConsortiumLead("00G")).GetAsync(download)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _factory.CreateClient().GetAsync(download)).StatusCode);

        // Kept with the submitted assessment: no removal.
        var removal = await manager.DeleteAsync(download);
        Assert.Equal(HttpStatusCode.BadRequest, removal.StatusCode);
        Assert.Contains("submitted", (await removal.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync(download)).StatusCode);
    }

    public static TheoryData<string> BadUploads => ["a PNG named .pdf", "an empty file", "a file over 10 MB", "text"];

    [Theory]
    [MemberData(nameof(BadUploads))]
    public async Task A_bad_upload_is_a_problem_naming_the_file_and_stores_nothing(string sample)
    {
        var manager = _factory.CreateClientFor(DemoAccountSeeder.PctManager("5D7"));
        var (id, _) = await DraftAsync(manager);
        var (content, name, message) = sample switch
        {
            "a PNG named .pdf" => (EvidenceSamples.Png(), "scan.pdf", "is a PNG image, but its name says it is a PDF document"),
            "an empty file" => ([], "empty.pdf", "is empty"),
            "a file over 10 MB" => ([.. EvidenceSamples.Pdf(), .. new byte[EvidenceFileTypes.MaxBytes]], "huge.pdf", "is larger than 10 MB"),
            _ => ("<script>alert(1)</script>"u8.ToArray(), "page.png", "is not a PDF, Word, Excel, PNG or JPEG file"),
        };

        var response = await manager.PostAsync(Attachments(id), File(content, name));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(message, problem.GetProperty("detail").GetString());
        Assert.Equal("file", problem.GetProperty("problems")[0].GetProperty("path").GetString());
        Assert.Equal((0, 0), await StoredAsync());
    }

    [Fact]
    public async Task An_upload_that_is_no_multipart_form_has_no_file_is_far_too_large_or_names_no_criterion_is_refused_and_stores_nothing()
    {
        var manager = _factory.CreateClientFor(DemoAccountSeeder.PctManager("5D7"));
        var (id, _) = await DraftAsync(manager);

        var json = await manager.PostAsJsonAsync(Attachments(id), new { file = "JVBERi0=" });
        using var noFile = new MultipartFormDataContent { { new StringContent("minutes"), "note" } };
        var withoutFile = await manager.PostAsync(Attachments(id), noFile);
        using var huge = new ByteArrayContent(new byte[EvidenceFileTypes.MaxBytes + (128 * 1024)]);
        huge.Headers.ContentType = new MediaTypeHeaderValue("multipart/form-data") { Parameters = { new NameValueHeaderValue("boundary", "x") } };
        var tooLarge = await manager.PostAsync(Attachments(id), huge);
        var unknownCriterion = await manager.PostAsync($"/api/assessments/{id}/answers/NOT-A-CRITERION/attachments", File(EvidenceSamples.Pdf(), "a.pdf"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, withoutFile.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownCriterion.StatusCode);
        Assert.Equal((0, 0), await StoredAsync());
    }

    [Fact]
    public async Task A_file_is_removed_from_a_draft_by_its_editor_and_by_nobody_else()
    {
        var manager = _factory.CreateClientFor(DemoAccountSeeder.PctManager("5D7"));
        var (id, _) = await DraftAsync(manager);
        var file = await (await manager.PostAsync(Attachments(id), File(EvidenceSamples.Jpeg(), "site visit.jpg"))).Content.ReadFromJsonAsync<JsonElement>();
        var url = file.GetProperty("download").GetString()!;

        Assert.Equal(HttpStatusCode.NotFound, (await _factory.CreateClientFor(DemoAccountSeeder.Regional("Q30")).DeleteAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _factory.CreateClientFor(DemoAccountSeeder.Regional("Q30")).GetAsync(url)).StatusCode);
        Assert.Equal((1, 1), await StoredAsync());
        Assert.Equal(HttpStatusCode.NoContent, (await manager.DeleteAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync(url)).StatusCode);
        Assert.Equal((0, 0), await StoredAsync());
    }

    private static string Attachments(int id) => $"/api/assessments/{id}/answers/{Criterion}/attachments";

    private static MultipartFormDataContent File(byte[] content, string name)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { file, "file", name } };
    }

    private static async Task<(int Id, int Revision)> DraftAsync(HttpClient manager)
    {
        var responses = ShippedFrameworks.DefaultFramework.Criteria.Select(c => new { criterion = c.Id, status = "met" }).ToArray();
        var put = await manager.PutAsJsonAsync(Current, new { responses });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var draft = await put.Content.ReadFromJsonAsync<JsonElement>();
        return (draft.GetProperty("id").GetInt32(), draft.GetProperty("revision").GetInt32());
    }

    private async Task<(int Attachments, int Contents)> StoredAsync()
    {
        await using var db = _factory.Database.OpenContext();
        return (await db.EvidenceAttachments.CountAsync(), await db.EvidenceContents.CountAsync());
    }
}
