using Microsoft.AspNetCore.Builder;

namespace KafkaRecon.Operator.Kubernetes.Hosting;

/// <summary>
/// <see cref="WebApplication.CreateSlimBuilder()"/> rooted at the application's folder, reading configuration files
/// once. The default roots the host at the working directory and watches its appsettings*.json for changes: a recursive
/// watch, one inotify watch per folder below it (1,084 from the repository's root, a whole home folder when started
/// there), enough to exhaust <c>fs.inotify.max_user_watches</c> for files kafka-recon does not ship. Settings come from
/// the command line and the environment.
/// </summary>
internal static class QuietWebApplication
{
    public static WebApplicationBuilder CreateBuilder() => WebApplication.CreateSlimBuilder(new WebApplicationOptions
    {
        ContentRootPath = AppContext.BaseDirectory,
        Args = ["--hostBuilder:reloadConfigOnChange=false"],
    });
}
