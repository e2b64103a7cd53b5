using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TransitionTracker.Application.Assessments;
using TransitionTracker.Application.Evidence;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Domain.Frameworks;
using TransitionTracker.Web.Access;
using TransitionTracker.Web.Components.Pages.Consortia.Assessments;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Components.Pages.Consortia.Assessments;

/// <summary>
/// A criterion's evidence files live, on the app's real use cases and a database of its own: a file chosen is
/// streamed to the use case and listed with its download link; a bad one says why and stores nothing; removing asks
/// first; read-only, the list offers downloads alone.
/// </summary>
public sealed class EvidenceFileListTests : MudComponentContext, IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private static readonly string Criterion = ShippedFrameworks.DefaultFramework.Criteria[0].Id;
    private readonly TransitionTrackerFactory _factory = new();
    private readonly IServiceScope _scope;
    private readonly CurrentUser _current = new();
    private readonly int _draft;

    public EvidenceFileListTests()
    {
        _scope = _factory.Services.CreateScope();
        var manager = DemoUsers.ActingAsync(_factory, DemoAccountSeeder.PctManager("5D7")).GetAwaiter().GetResult();
        _current.SignedIn(manager);
        Services.AddSingleton(_current);
        Services.AddFallbackServiceProvider(_scope.ServiceProvider);
        _draft = _scope.ServiceProvider.GetRequiredService<AssessmentWorkflow>()
            .StartDraftAsync(manager, "00H", AssessmentWorkflow.DefaultFramework, CancellationToken.None).GetAwaiter().GetResult().Value!.Id;
    }

    [Fact]
    public async Task A_file_chosen_is_attached_and_listed_with_its_download_link()
    {
        var list = Render(readOnly: false);
        Assert.Equal("No files attached.", list.Find(".app-evidence-files__none").TextContent);

        list.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(EvidenceSamples.Pdf(), "Board minutes.pdf", contentType: "application/pdf"));

        list.WaitForAssertion(() => Assert.Single(list.FindAll(".app-evidence-files__list li")), Patience);
        var link = list.Find(".app-evidence-files__link");
        var stored = Assert.Single(await StoredAsync());
        Assert.Equal("Board minutes.pdf", link.TextContent);
        Assert.Equal($"/api/assessments/{_draft}/answers/{Criterion}/attachments/{stored}", link.GetAttribute("href"));
        Assert.Equal("Board minutes.pdf", link.GetAttribute("download"));
        Assert.Contains("PDF document", list.Find(".app-evidence-files__list li").TextContent);
        Assert.Empty(list.FindAll(".app-evidence-files__problem"));
    }

    [Fact]
    public async Task A_png_named_pdf_is_refused_with_the_reason_and_nothing_is_stored()
    {
        var list = Render(readOnly: false);

        list.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(EvidenceSamples.Png(), "scan.pdf", contentType: "application/pdf"));

        list.WaitForAssertion(() => Assert.Equal(
            "Error: “scan.pdf” is a PNG image, but its name says it is a PDF document: give it the right name and attach it again.",
            list.Find(".app-evidence-files__problem").TextContent), Patience);
        Assert.Empty(list.FindAll(".app-evidence-files__list li"));
        Assert.Empty(await StoredAsync());
    }

    [Fact]
    public async Task Removing_a_file_asks_first_then_removes_it()
    {
        var upload = await _scope.ServiceProvider.GetRequiredService<EvidenceFiles>()
            .UploadAsync(_current.Acting, _draft, Criterion, "site visit.jpg", new MemoryStream(EvidenceSamples.Jpeg()), CancellationToken.None);
        var list = Render(readOnly: false, files: [upload.Value!]);

        await list.Find(".app-remove").ClickAsync(new());
        Assert.Single(await StoredAsync());
        Assert.Contains("Remove this file?", list.Find(".app-evidence-files__confirm").TextContent);
        await list.Find(".app-remove-confirm").ClickAsync(new());

        list.WaitForAssertion(() => Assert.Empty(list.FindAll(".app-evidence-files__list li")), Patience);
        Assert.Empty(await StoredAsync());
    }

    [Fact]
    public void Read_only_the_list_offers_downloads_only()
    {
        var file = new EvidenceFile(7, _draft, Criterion, "budget.xlsx", Domain.Evidence.EvidenceFileType.Excel, 2048, new string('a', 64), "pct.5d7@demo.test", new DateTime(2011, 3, 1, 9, 0, 0, DateTimeKind.Utc));

        var list = Render(readOnly: true, files: [file]);

        Assert.Empty(list.FindComponents<InputFile>());
        Assert.Empty(list.FindAll(".app-remove"));
        Assert.Contains("Excel workbook, 2 KB; added by pct.5d7@demo.test, 1 March 2011", list.Find(".app-evidence-files__list li").TextContent);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        _scope.Dispose();
        await _factory.DisposeAsync();
    }

    private IRenderedComponent<EvidenceFileList> Render(bool readOnly, IReadOnlyList<EvidenceFile>? files = null) =>
        RenderInteractive<EvidenceFileList>(p => p
            .Add(c => c.AssessmentId, _draft)
            .Add(c => c.CriterionId, Criterion)
            .Add(c => c.Files, files ?? [])
            .Add(c => c.ReadOnly, readOnly));

    private async Task<List<int>> StoredAsync()
    {
        await using var db = _factory.Database.OpenContext();
        return await db.EvidenceAttachments.Select(a => a.Id).ToListAsync();
    }
}
