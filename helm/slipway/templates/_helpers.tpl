{{/*
Names are cut at 63 characters because Kubernetes limits label values and DNS names to that.
*/}}
{{- define "slipway.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
The release name alone when it already contains the chart name, so `helm install slipway` gives
objects called "slipway" rather than "slipway-slipway".
*/}}
{{- define "slipway.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "slipway.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Selector labels never change after the first install: a Deployment's selector is immutable, so
anything that varies between releases (version, chart) stays out of them.
*/}}
{{- define "slipway.selectorLabels" -}}
app.kubernetes.io/name: {{ include "slipway.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "slipway.labels" -}}
helm.sh/chart: {{ include "slipway.chart" . }}
{{ include "slipway.selectorLabels" . }}
app.kubernetes.io/version: {{ include "slipway.imageTag" . | trunc 63 | trimSuffix "-" | quote }}
app.kubernetes.io/component: server
app.kubernetes.io/part-of: slipway
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "slipway.imageTag" -}}
{{- .Values.image.tag | default .Chart.AppVersion }}
{{- end }}

{{- define "slipway.image" -}}
{{- printf "%s:%s" .Values.image.repository (include "slipway.imageTag" .) }}
{{- end }}

{{- define "slipway.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "slipway.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
Each secret value comes from a Secret the user manages (existingSecret) or from the chart's own
Secret, which holds only the values given in clear. These return the Secret's name, or nothing when
the value is not configured at all.
*/}}
{{- define "slipway.databasePasswordSecret" -}}
{{- if .Values.database.existingSecret }}
{{- .Values.database.existingSecret }}
{{- else if .Values.database.password }}
{{- include "slipway.fullname" . }}
{{- end }}
{{- end }}

{{- define "slipway.databasePasswordKey" -}}
{{- if .Values.database.existingSecret }}
{{- .Values.database.existingSecretKey }}
{{- else }}
{{- "database-password" }}
{{- end }}
{{- end }}

{{- define "slipway.masterKeySecret" -}}
{{- if .Values.masterKey.existingSecret }}
{{- .Values.masterKey.existingSecret }}
{{- else if .Values.masterKey.value }}
{{- include "slipway.fullname" . }}
{{- end }}
{{- end }}

{{- define "slipway.masterKeyKey" -}}
{{- if .Values.masterKey.existingSecret }}
{{- .Values.masterKey.key }}
{{- else }}
{{- "master-key" }}
{{- end }}
{{- end }}

{{- define "slipway.adminPasswordSecret" -}}
{{- if .Values.admin.existingSecret }}
{{- .Values.admin.existingSecret }}
{{- else if .Values.admin.password }}
{{- include "slipway.fullname" . }}
{{- end }}
{{- end }}

{{- define "slipway.adminPasswordKey" -}}
{{- if .Values.admin.existingSecret }}
{{- .Values.admin.existingSecretKey }}
{{- else }}
{{- "admin-password" }}
{{- end }}
{{- end }}

{{/* True (non-empty) when the chart's own Secret has something to hold. */}}
{{- define "slipway.ownSecretNeeded" -}}
{{- if or (and .Values.database.password (not .Values.database.existingSecret))
          (and .Values.masterKey.value (not .Values.masterKey.existingSecret))
          (and .Values.admin.password (not .Values.admin.existingSecret)) }}true{{ end }}
{{- end }}

{{/*
The key file's directory; Kubernetes mounts the Secret's item there read-only.
*/}}
{{- define "slipway.masterKeyDir" -}}/etc/slipway/master-key{{- end }}
{{- define "slipway.masterKeyFile" -}}{{ include "slipway.masterKeyDir" . }}/master.key{{- end }}

{{/* The container port the actuator answers on: its own one, or the http port. */}}
{{- define "slipway.managementPortName" -}}
{{- if .Values.managementPort }}management{{ else }}http{{ end }}
{{- end }}

{{- define "slipway.managementPortNumber" -}}
{{- if .Values.managementPort }}{{ .Values.managementPort }}{{ else }}8080{{ end }}
{{- end }}

{{/*
Mistakes Slipway would only report after the pod started, caught at install time instead. Values
are never echoed in the messages: they may be secrets.
*/}}
{{- define "slipway.validate" -}}
{{- $url := required "database.url is required: set it to the JDBC URL of your PostgreSQL, e.g. --set database.url=jdbc:postgresql://postgres:5432/slipway. Slipway's in-process PostgreSQL is for laptops, not for a cluster: its data would live and die with one pod." .Values.database.url }}
{{- if and $url (not (hasPrefix "jdbc:postgresql://" $url)) }}
{{- fail "database.url must be a PostgreSQL JDBC URL starting with jdbc:postgresql://, e.g. jdbc:postgresql://postgres:5432/slipway" }}
{{- end }}
{{- if eq (toString .Values.managementPort) "8080" }}
{{- fail "managementPort must differ from 8080, the http port; leave it empty to serve the actuator on the http port" }}
{{- end }}
{{- if and .Values.masterKey.value (not .Values.masterKey.existingSecret) }}
{{- if ne 32 (len (b64dec .Values.masterKey.value)) }}
{{- fail "masterKey.value must be 32 random bytes in base64; create one with `openssl rand -base64 32`" }}
{{- end }}
{{- end }}
{{- if and .Values.admin.password (not .Values.admin.existingSecret) }}
{{- if or (lt (len .Values.admin.password) 12) (gt (len .Values.admin.password) 72) }}
{{- fail "admin.password must be 12 to 72 characters long" }}
{{- end }}
{{- end }}
{{- end }}
