using TransitionTracker.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddTransitionTracker();

var app = builder.Build();
await app.InitialiseDatabaseAsync();
app.UseTransitionTracker();
await app.RunAsync();

/// <summary>Entry point; public so integration tests can host the app.</summary>
public partial class Program;
