package dev.detour.incidents.ports;

import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.preview.UnblockableDeployment;

import java.util.Collection;
import java.util.List;

/**
 * What push sinks have learned they cannot switch off, for the preview of a change (docs/routing.md, "Preview").
 * Implemented where the sinks live (notifications); without one, a preview lists none.
 */
public interface UnblockableDeployments {
    /** The deployments of {@code models} known not to be blockable, by sink, then model, then deployment. */
    List<UnblockableDeployment> of(Collection<ModelId> models);
}
