// The WAL archive as recovery needs it: what xlog.db lists, and each file's decompressed bytes.
using Barman.Core.Catalog;

namespace Barman.Core.Recovery;

/// <summary>Read access to a server's WAL archive (wals/ + xlog.db). The WAL helper's reader replaces ours.</summary>
public interface IWalArchiveReader
{
    /// <summary>Every archived file in xlog.db order (sorted by name).</summary>
    IReadOnlyList<XlogDbEntry> List();

    /// <summary>The path of the archived (possibly compressed) file.</summary>
    string PathOf(XlogDbEntry entry);

    /// <summary>Writes the decompressed content of <paramref name="entry"/> to <paramref name="destination"/>.</summary>
    Task RestoreAsync(XlogDbEntry entry, string destination, CancellationToken ct);
}
