using BenchmarkDotNet.Running;
using TransitionTracker.Benchmarks.Circuits;

// `circuits …` measures live pages in a browser against a running app (docs/performance.md, "Circuits");
// anything else goes to BenchmarkDotNet.
if (args is ["circuits", .. var rest])
{
    return await CircuitLoad.RunAsync(rest);
}

// `checklist …` measures answer changes in a live checklist (docs/performance.md, "The checklist").
if (args is ["checklist", .. var checklistArgs])
{
    return await ChecklistLoad.RunAsync(checklistArgs);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
