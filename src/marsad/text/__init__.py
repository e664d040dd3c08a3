"""Text layer: Arabic normalisation (a shadow text with an offset map) and segmentation."""
