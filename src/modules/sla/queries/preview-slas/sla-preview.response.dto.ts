/**
 * What the proposed SLAs would do to the case type's open SLA instances, judged now. Counts
 * instances whose clock runs or is paused; nothing is changed.
 */
export class SlaPreviewResponseDto {
  /** Instances of the type's cases whose clock runs or is paused (neither met nor stopped). */
  openInstances: number;
  /** Breach not yet due, but the new breach instant is past: the next check breaches them. */
  wouldBeBreached: number;
  /** Warning not yet due, the new warning instant past and the new breach not. */
  wouldBeAtRisk: number;
  /** Breach still owed, moved earlier by the change. */
  wouldMoveEarlier: number;
  /** Breach still owed, moved later by the change. */
  wouldMoveLater: number;
  /** Instances whose definition the proposal removes: they keep their old targets. */
  withoutDefinition: number;
}
