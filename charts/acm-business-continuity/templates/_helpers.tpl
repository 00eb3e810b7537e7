{{/*
Every object is named after the plugin: the console loads a plugin by its ConsolePlugin name and
checks that name against the one in dist/plugin-manifest.json.
*/}}
{{- define "acm-business-continuity.name" -}}
{{ .Values.plugin.name }}
{{- end }}

{{/*
Selects the nginx pods only. The hook Jobs' pods carry another component, so the Service never
sends console traffic to them.
*/}}
{{- define "acm-business-continuity.selectorLabels" -}}
app.kubernetes.io/name: {{ .Values.plugin.name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: server
{{- end }}

{{- define "acm-business-continuity.labels" -}}
helm.sh/chart: {{ .Chart.Name }}-{{ .Chart.Version }}
app.kubernetes.io/name: {{ .Values.plugin.name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/* The service CA operator writes the serving certificate into this Secret. */}}
{{- define "acm-business-continuity.certSecretName" -}}
{{ .Values.plugin.name }}-cert
{{- end }}

{{/* ServiceAccount, ClusterRole, ClusterRoleBinding and script ConfigMap of the hook Jobs. */}}
{{- define "acm-business-continuity.patcherName" -}}
{{ .Values.plugin.name }}-console-patcher
{{- end }}

{{- define "acm-business-continuity.image" -}}
{{ .Values.image.repository }}:{{ .Values.image.tag }}
{{- end }}
