using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace TransitionTracker.TestSupport;

/// <summary>
/// xUnit's own framework, plus one step when every test of the run has finished: the test databases still there (the
/// template, and copies still being dropped) are deleted before the run reports that it is done. A failure to delete
/// them is reported as a cleanup failure of the run rather than leaving databases behind unnoticed. Each test project
/// that uses <see cref="TestDatabases"/> names it: <c>[assembly: TestFramework(TestRunFramework.TypeName, TestRunFramework.AssemblyName)]</c>.
/// </summary>
public sealed class TestRunFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    public const string TypeName = "TransitionTracker.TestSupport.TestRunFramework";
    public const string AssemblyName = "TransitionTracker.TestSupport";

    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new Executor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Executor(AssemblyName assemblyName, ISourceInformationProvider sourceInformationProvider, IMessageSink diagnosticMessageSink)
        : XunitTestFrameworkExecutor(assemblyName, sourceInformationProvider, diagnosticMessageSink)
    {
        protected override async void RunTestCases(IEnumerable<IXunitTestCase> testCases, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
        {
            using var runner = new AssemblyRunner(TestAssembly, testCases, DiagnosticMessageSink, executionMessageSink, executionOptions);
            await runner.RunAsync();
        }
    }

    private sealed class AssemblyRunner(
        ITestAssembly testAssembly,
        IEnumerable<IXunitTestCase> testCases,
        IMessageSink diagnosticMessageSink,
        IMessageSink executionMessageSink,
        ITestFrameworkExecutionOptions executionOptions)
        : XunitTestAssemblyRunner(testAssembly, testCases, diagnosticMessageSink, executionMessageSink, executionOptions)
    {
        protected override async Task BeforeTestAssemblyFinishedAsync()
        {
            Aggregator.Run(TestDatabases.DeleteAll);
            await base.BeforeTestAssemblyFinishedAsync();
        }
    }
}
