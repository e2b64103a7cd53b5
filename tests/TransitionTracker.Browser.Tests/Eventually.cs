namespace TransitionTracker.Browser.Tests;

/// <summary>Waits for something the server does in its own time (a circuit closing, a socket opening).</summary>
public static class Eventually
{
    public static async Task WaitForAsync(Func<bool> condition, string what)
    {
        for (var i = 0; i < 150 && !condition(); i++)
        {
            await Task.Delay(100);
        }

        Assert.True(condition(), $"Waited 15 s for {what}.");
    }
}
