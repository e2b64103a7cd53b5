using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using TransitionTracker.Data;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Application.Notifications;
using TransitionTracker.Web.Scheduling;
using TransitionTracker.Web.Access;
using TransitionTracker.Web.Api;
using TransitionTracker.Web.Components;
using TransitionTracker.Application.Consortia;
using TransitionTracker.Web.Diagnostics;
using TransitionTracker.Application.Frameworks;
using TransitionTracker.Web.Infrastructure;
using TransitionTracker.Web.Infrastructure.Circuits;

using TransitionTracker.Web.Infrastructure.DataProtection;
using TransitionTracker.Web.Infrastructure.RateLimiting;
using TransitionTracker.Web.Infrastructure.Telemetry;
using TransitionTracker.Web.Operations;

namespace TransitionTracker.Web;

/// <summary>Everything the app registers and every piece of its request pipeline, in one place.</summary>
public static class TransitionTrackerApplication
{
    public static WebApplicationBuilder AddTransitionTracker(this WebApplicationBuilder builder)
    {
        var database = DatabaseSettings.From(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton(database);
        builder.AddGracefulShutdown();
        builder.AddTransitionTrackerTelemetry();
        builder.Services.AddTransitionTrackerData(database.Provider, database.ConnectionString, StartupDatabaseSettings.MigrationLockTimeout(builder.Configuration));

        builder.AddTransitionTrackerRequestLimits();
        builder.AddTransitionTrackerSecurity();
        builder.Services.AddTransitionTrackerIdentity(builder.Environment);
        builder.Services.AddTransitionTrackerDataProtection(builder.Configuration);
        builder.Services.AddTransitionTrackerRateLimiting(builder.Configuration);
        builder.Services.AddTransitionTrackerInteractivePages();
        builder.Services.AddProblemDetails();
        builder.Services.AddTransitionTrackerOpenApi();
        builder.Services.AddHealthChecks()
            .AddDbContextCheck<TransitionTrackerDbContext>("database", failureStatus: HealthStatus.Unhealthy, tags: [HealthEndpoints.ReadyTag]);

        builder.Services.AddTransitionTrackerApplication(builder.Configuration, database);
        builder.Services.AddTransitionTrackerEmail(builder.Configuration);
        builder.Services.AddTransitionTrackerScheduling(builder.Configuration, database.Provider, database.ConnectionString);
        return builder;
    }

    public static async Task InitialiseDatabaseAsync(this WebApplication app)
    {
        if (!StartupDatabaseSettings.MigrateOnStart(app.Configuration))
        {
            app.Logger.LogInformation("Database:MigrateOnStart is false: not migrating or seeding (run the migrate command)");
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var initializer = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();
        var demoPassword = StartupDatabaseSettings.DemoPassword(app.Configuration);
        await initializer.InitialiseAsync(demoPassword, app.Lifetime.ApplicationStopping);
        if (demoPassword is not null)
        {
            app.Lifetime.ApplicationStarted.Register(() => app.Logger.LogInformation(
                "Demo sign-ins (password {Password}): {Admin}, {National}, {Regional}, {Pct}, {Lead}",
                demoPassword,
                DemoAccountSeeder.Administrator,
                DemoAccountSeeder.National,
                DemoAccountSeeder.Regional("Q30"),
                DemoAccountSeeder.PctManager("5D7"),
                DemoAccountSeeder.ConsortiumLead("00G")));
        }
    }

    public static WebApplication UseTransitionTracker(this WebApplication app)
    {
        app.UseMiddleware<RequestTracingMiddleware>();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }

        app.UseMiddleware<DatabaseUnavailableMiddleware>();

        // People get the NHS-styled page; scripts under /api get problem details.
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);

        // The status page is read, not submitted: a refused form post is shown the page as a GET would be.
        app.Use((context, next) =>
        {
            if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null)
            {
                context.Request.Method = HttpMethods.Get;
            }

            return next(context);
        });
        app.UseMiddleware<ApiProblemDetailsMiddleware>();
        app.UseRequestSizeLimits();
        app.UseMiddleware<NulCharacterMiddleware>();
        app.UseMiddleware<Utf8JsonBodyMiddleware>();
        app.UseTransitionTrackerSecurity();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseRequestLocalization("en-GB");
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseTransitionTrackerRateLimiting();
        app.UseMiddleware<CurrentUserMiddleware>();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseLiveWakeSockets();

        app.MapTransitionTrackerOpenApi();
        app.MapTransitionTrackerHealthChecks();
        app.MapIdentityApiEndpoints();
        app.MapConsortiumApi();
        app.MapScoringApi();
        app.MapFrameworkApi();
        app.MapAssessmentApi();
        app.MapEvidenceApi();
        app.MapTrackDecisionApi();
        app.MapPracticeMoveApi();
        app.MapConsortiumFormationApi();
        app.MapSupportActionApi();
        app.MapInterestRegisterApi();
        app.MapLessonApi();
        app.MapTransitionPlanApi();
        app.MapQualityIndicatorApi();
        app.MapUserAdministrationApi();
        app.MapDashboardApi();
        app.MapGridExports();
        app.MapBaselinePage(app.Environment);
        app.MapMemoryPage(app.Environment);
        app.MapLiveWake();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var urls = string.Join(", ", app.Urls);
            app.Logger.LogInformation("Transition Tracker is running at {Urls}", urls);
        });
        return app;
    }
}
