using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using TransitionTracker.Data;
using TransitionTracker.Data.Identity;
using TransitionTracker.Web.Infrastructure;

namespace TransitionTracker.Web.Access;

/// <summary>Accounts (ASP.NET Core Identity), the sign-in cookie, bearer tokens and the authorization policies.</summary>
public static class IdentitySetup
{
    public const string IdentityApiPrefix = "/api/identity";

    // Accounts are created by administrators; self-service e-mail flows have no mail server to use.
    private static readonly string[] DisabledIdentityEndpoints =
        ["/register", "/confirmEmail", "/resendConfirmationEmail", "/forgotPassword", "/resetPassword", "/manage/2fa", "/manage/info"];

    public static IServiceCollection AddTransitionTrackerIdentity(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddIdentityCore<TransitionTrackerUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                // Length and the list of common passwords, no rules about kinds of characters (ASVS 2.1.1, 2.1.7, 2.1.9).
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;

                // Guessing is throttled by SignInThrottling instead, which never locks the owner out.
                options.Lockout.AllowedForNewUsers = false;
            })
            .AddEntityFrameworkStores<TransitionTrackerDbContext>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddDefaultTokenProviders()
            .AddApiEndpoints()

            // After AddApiEndpoints, which registers the default sign-in manager again.
            .AddSignInManager<TransitionTrackerSignInManager>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = ForwardToBearerOrCookie.Scheme;
                options.DefaultChallengeScheme = ForwardToBearerOrCookie.Scheme;
            })
            .AddPolicyScheme(ForwardToBearerOrCookie.Scheme, "Cookie or bearer token", o => o.ForwardDefaultSelector = ForwardToBearerOrCookie.Select)
            .AddBearerToken(IdentityConstants.BearerScheme)
            .AddCookie(IdentityConstants.ApplicationScheme, options =>
            {
                options.Cookie.Name = "TransitionTracker.SignIn";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
                options.LoginPath = "/sign-in";
                options.LogoutPath = "/sign-out";
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                options.Events.OnRedirectToLogin = context => ChallengeAsync(context, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => ChallengeAsync(context, StatusCodes.Status404NotFound);
            });

        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "TransitionTracker.Antiforgery";
            options.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });

        services.AddAuthorizationBuilder().AddTransitionTrackerPolicies();
        services.AddScoped<IAuthorizationHandler, OrganisationAccessHandler>();
        services.AddScoped<IAuthorizationHandler, AdministratorHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, NotFoundWhenForbiddenHandler>();
        services.AddScoped<CurrentUser>();
        services.AddHttpContextAccessor();
        return services;
    }

    public static IEndpointRouteBuilder MapIdentityApiEndpoints(this IEndpointRouteBuilder app)
    {
        var identity = app.MapGroup(IdentityApiPrefix).WithTags("Identity").AllowAnonymous();
        identity.MapIdentityApi<TransitionTrackerUser>();
        identity.AddEndpointFilter(async (context, next) =>
        {
            var pattern = (context.HttpContext.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "";
            return DisabledIdentityEndpoints.Any(d => pattern.EndsWith(d, StringComparison.OrdinalIgnoreCase))
                ? TypedResults.Problem(title: "Not found.", detail: "Accounts are managed by administrators.", statusCode: StatusCodes.Status404NotFound)
                : await next(context);
        });
        return app;
    }

    /// <summary>Pages redirect to sign-in; the API answers with a status and problem details instead.</summary>
    private static Task ChallengeAsync(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int apiStatus)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = apiStatus;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
