package dev.slipway.builds;

public enum BuildTrigger { MANUAL, API, WEBHOOK }
