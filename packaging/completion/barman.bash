# bash completion for barman (Barman for .NET): the binary completes itself through System.CommandLine's
# [suggest:POSITION] directive (verbs, options, configured server names, backup ids); no dotnet-suggest needed.
# Installed as /usr/share/bash-completion/completions/barman; or source it from ~/.bashrc.
_barman() {
    local first=${COMP_WORDS[0]} cur=${COMP_WORDS[COMP_CWORD]}
    # Say "barman" for the program whatever path was typed, and move the cursor position to match.
    local line="barman${COMP_LINE:${#first}}"
    local pos=$((COMP_POINT - ${#first} + 6))
    local IFS=$'\n'
    # System.CommandLine also offers matches that merely contain the word: keep those that start with it.
    COMPREPLY=($(compgen -W "$(command "$first" "[suggest:$pos]" "$line" 2>/dev/null)" -- "$cur"))
}
# Nothing suggested (e.g. a destination directory): fall back to file names.
complete -o bashdefault -o default -F _barman barman
