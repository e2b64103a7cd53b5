using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Domain.Lessons;
using TransitionTracker.Web.Access;
using TransitionTracker.Web.Components.Pages.Consortia.Lessons;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Components.Pages.Consortia.Lessons;

/// <summary>
/// The lesson editor live, on the app's real use case and database: the eight domains offered, none chosen; what the
/// library refuses is said beside each field with every value kept and nothing saved; a lesson is added with a
/// confirmation; leaving unsaved asks first; a user who may no longer write lessons changes nothing.
/// </summary>
public sealed class NewLessonPageTests : MudComponentContext, IClassFixture<NewLessonPageTests.App>
{
    private const string Code = "00G";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private static readonly string Lead = DemoAccountSeeder.ConsortiumLead(Code);
    private readonly App _app;
    private readonly CurrentUser _user;

    public NewLessonPageTests(App app)
    {
        _app = app;
        _app.ResetAsync().GetAwaiter().GetResult();
        _user = UseApp(_app.Factory, DemoUsers.ActingAsync(_app.Factory, Lead).GetAwaiter().GetResult());
    }

    [Fact]
    public void The_editor_offers_the_eight_domains_of_the_default_framework_none_chosen()
    {
        var page = RenderLive();

        Assert.Equal(
            ["clinical-leadership", "governance", "financial-management", "commissioning", "partnership", "patients-public", "workforce", "quality-performance"],
            DomainIds);
        Assert.Equal(8, page.FindAll("fieldset#domain input[type=radio]").Count);
        Assert.DoesNotContain(page.FindAll("fieldset#domain input[type=radio]"), r => r.HasAttribute("checked"));
        Assert.Contains("Governance and accountability", page.Find("fieldset#domain").TextContent, StringComparison.Ordinal);
        Assert.Equal("Domain", page.Find("fieldset#domain legend").TextContent.Trim());
    }

    public static TheoryData<string?, string, string, string[]> InvalidLessons() => new()
    {
        { null, "", "", ["Select the domain the lesson is about", "Enter a title for the lesson", "Enter what you learned"] },
        { "governance", new string('t', Lesson.TitleMaxLength + 1), "A body", ["", "Title must be 150 characters or fewer", ""] },
        { "financial-management", "A title", new string('b', Lesson.BodyMaxLength + 1), ["", "", "The lesson must be 2,000 characters or fewer"] },
    };

    [Theory]
    [MemberData(nameof(InvalidLessons))]
    public async Task A_lesson_with_problems_is_refused_beside_each_field_keeps_every_value_and_saves_nothing(
        string? domain, string title, string body, string[] messages)
    {
        var page = RenderLive();
        await WriteAsync(page, domain, title, body);

        await page.Find("#add-lesson").ClickAsync(new());

        page.WaitForAssertion(() => page.Find("#lesson-problem"), Patience);
        Assert.Equal(messages, new[] { "domain", "title", "body" }.Select(f => page.FindAll($"#{f}-error").FirstOrDefault()?.TextContent.Replace("Error: ", "", StringComparison.Ordinal).Trim() ?? ""));
        Assert.Equal(title, Shown(page, "title"));
        Assert.Equal(body, Shown(page, "body"));
        if (domain is not null)
        {
            Assert.True(Radio(page, domain).HasAttribute("checked"));
        }

        Assert.Empty(await _app.LessonsAsync());
        Assert.Empty(Snackbars.ShownSnackbars);
    }

    [Fact]
    public async Task The_consortium_lead_adds_a_lesson_with_a_confirmation_and_it_is_audited()
    {
        var page = RenderLive();
        await WriteAsync(page, "governance", " Agreeing the conflicts of interest policy ", "We took the draft to every practice meeting.\r\nIt took longer, but every practice signed.");

        await page.Find("#add-lesson").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("Lesson added: Agreeing the conflicts of interest policy", Assert.Single(Snackbars.ShownSnackbars).Message, StringComparison.Ordinal), Patience);
        var stored = Assert.Single(await _app.LessonsAsync());
        Assert.Equal(("governance", "Agreeing the conflicts of interest policy", Lead), (stored.DomainId, stored.Title, stored.WrittenBy));
        Assert.Equal("We took the draft to every practice meeting.\nIt took longer, but every practice signed.", stored.Body);
        Assert.EndsWith("/consortia/00G/lessons", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
        var audit = (await _app.AuditsAsync()).Last();
        Assert.Equal((Lead, "Added", Code), (audit.Actor, audit.Action, audit.ConsortiumCode));
    }

    [Fact]
    public async Task Leaving_with_a_lesson_not_saved_asks_first_and_staying_keeps_it()
    {
        var dialogs = Render<MudDialogProvider>();
        var page = RenderLive();
        await page.Find("#title").InputAsync(new ChangeEventArgs { Value = "Half a thought" });
        var navigation = Services.GetRequiredService<NavigationManager>();
        var before = navigation.Uri;

        await page.InvokeAsync(() => navigation.NavigateTo("/consortia/00G/lessons"));

        dialogs.WaitForAssertion(() => Assert.Contains("Your lesson is not saved", dialogs.Markup, StringComparison.Ordinal), Patience);
        await dialogs.FindAll("button").First(b => b.TextContent.Contains("Stay and keep it", StringComparison.Ordinal)).ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.DoesNotContain("Your lesson is not saved", dialogs.Markup, StringComparison.Ordinal), Patience);
        Assert.Equal(before, navigation.Uri);
        Assert.Equal("Half a thought", Shown(page, "title"));
    }

    [Fact]
    public async Task A_user_who_may_not_write_lessons_for_the_consortium_changes_nothing()
    {
        var page = RenderLive();
        await WriteAsync(page, "workforce", "Sneaked in", "Should not be saved.");

        // The page was opened by 00G's lead; the save is made as the national viewer, who only reads.
        _user.Set(await DemoUsers.ActingAsync(_app.Factory, DemoAccountSeeder.National));
        await page.Find("#add-lesson").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("Nothing was saved", page.Find("#lesson-problem").TextContent, StringComparison.Ordinal), Patience);
        Assert.Empty(await _app.LessonsAsync());
        Assert.Equal("Sneaked in", Shown(page, "title"));
    }

    // The radios follow the framework's domains, in order.
    private static List<string> DomainIds => TransitionTracker.Application.Lessons.LessonLibrary.Framework.Domains.Select(d => d.Id).ToList();

    private ISnackbar Snackbars => Services.GetRequiredService<ISnackbar>();

    private static string? Shown(IRenderedComponent<NewLessonPage> page, string id)
    {
        var field = page.Find($"#{id}");
        return field.GetAttribute("value") ?? field.TextContent;
    }

    private static AngleSharp.Dom.IElement Radio(IRenderedComponent<NewLessonPage> page, string domain)
    {
        return page.FindAll("fieldset#domain input[type=radio]")[DomainIds.IndexOf(domain)];
    }

    private static async Task WriteAsync(IRenderedComponent<NewLessonPage> page, string? domain, string title, string body)
    {
        if (domain is not null)
        {
            await Radio(page, domain).ClickAsync(new());
        }

        await page.Find("#title").InputAsync(new ChangeEventArgs { Value = title });
        await page.Find("#body").InputAsync(new ChangeEventArgs { Value = body });
    }

    private IRenderedComponent<NewLessonPage> RenderLive()
    {
        var page = RenderInteractive<NewLessonPage>(p => p.Add(x => x.Code, Code));
        page.WaitForAssertion(() => Assert.Equal("true", page.Find(".app-lesson-editor").GetAttribute("data-live")), Patience);
        return page;
    }

    /// <summary>One app for the class; each test starts with 00G's lessons gone.</summary>
    public sealed class App : IDisposable
    {
        public TransitionTrackerFactory Factory { get; } = new();

        public async Task ResetAsync()
        {
            await using var db = Factory.Database.OpenContext();
            await db.Lessons.Where(l => l.ConsortiumCode == Code).ExecuteDeleteAsync();
        }

        public async Task<List<Lesson>> LessonsAsync()
        {
            await using var db = Factory.Database.OpenContext();
            return await db.Lessons.AsNoTracking().Where(l => l.ConsortiumCode == Code).ToListAsync();
        }

        public async Task<List<Data.Auditing.AuditEntry>> AuditsAsync()
        {
            await using var db = Factory.Database.OpenContext();
            return await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(Lesson)).OrderBy(a => a.Id).ToListAsync();
        }

        public void Dispose() => Factory.Dispose();
    }
}
